//! Text dumps: detect the encoding and decode.
//!
//! Order: a byte-order mark decides (UTF-8, UTF-16LE/BE); else strict UTF-8;
//! else GB18030 (a superset of GBK and GB2312, what Windows writes for
//! Chinese). Anything that none of these decodes without a malformed
//! sequence is `decode_failed`, never silently mangled.

use encoding_rs::{Encoding, GB18030, UTF_8};

use crate::error::{ErrorCode, FileError};

/// Decode a text dump.
///
/// # Errors
/// `decode_failed` when no supported encoding decodes the bytes cleanly.
pub fn decode(bytes: &[u8]) -> Result<String, FileError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(FileError::new(
                ErrorCode::DecodeFailed,
                format!("malformed {} after its byte-order mark", enc.name()),
            ));
        }
        return Ok(text.into_owned());
    }
    if let Some(text) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        return check_text(text.into_owned(), "UTF-8");
    }
    match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => check_text(text.into_owned(), "GB18030"),
        None => Err(FileError::new(
            ErrorCode::DecodeFailed,
            "neither UTF-8, UTF-16 with BOM, nor GB18030",
        )),
    }
}

/// Reject binary data that happens to decode: NUL and most C0 controls do not
/// occur in text dumps.
fn check_text(text: String, enc: &str) -> Result<String, FileError> {
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    if controls > 0 {
        return Err(FileError::new(
            ErrorCode::DecodeFailed,
            format!("decodes as {enc} but holds {controls} control characters: not text"),
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: &str = "部门名称\t永和街道\r\n单位：万元";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(S.as_bytes()).unwrap(), S);
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(S.as_bytes());
        assert_eq!(decode(&b).unwrap(), S);
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in S.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap(), S);
        assert_eq!(decode(&be).unwrap(), S);
    }

    #[test]
    fn gb18030_and_gbk() {
        let (b, _, _) = GB18030.encode(S);
        assert!(std::str::from_utf8(&b).is_err());
        assert_eq!(decode(&b).unwrap(), S);
    }

    #[test]
    fn garbage_is_decode_failed() {
        let e = decode(&[0x41, 0x81, 0x20, 0xFF]).unwrap_err();
        assert_eq!(e.code, ErrorCode::DecodeFailed);
        let e = decode(b"ab\x00\x01cd").unwrap_err();
        assert_eq!(e.code, ErrorCode::DecodeFailed);
        // An odd byte count after a UTF-16 BOM is malformed.
        let e = decode(&[0xFF, 0xFE, 0x41, 0x00, 0x42]).unwrap_err();
        assert_eq!(e.code, ErrorCode::DecodeFailed);
    }
}
