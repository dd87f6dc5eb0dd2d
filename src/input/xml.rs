//! A small pull reader over quick-xml for the Office and OpenDocument parts:
//! owned events with local names (namespace prefixes dropped), text with
//! the predefined and character entities resolved. Any other entity is an
//! error: the parts carry no DTD ([`super::archive::check`] refuses one),
//! so nothing can expand.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::{ErrorCode, FileError};

/// One XML event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ev {
    /// An element opens (`empty`: it closes at once, `<a/>`).
    Open {
        name: String,
        attrs: Vec<(String, String)>,
        empty: bool,
    },
    Close(String),
    Text(String),
}

impl Ev {
    /// An attribute of an opening element, by local name.
    #[must_use]
    pub fn attr(&self, key: &str) -> Option<&str> {
        match self {
            Ev::Open { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// Pull events from an XML part.
pub struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    what: String,
}

fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_string()
}

impl<'a> Xml<'a> {
    /// A reader over `bytes`; `what` names the part in errors.
    #[must_use]
    pub fn new(bytes: &'a [u8], what: &str) -> Self {
        let mut reader = Reader::from_reader(bytes);
        reader.config_mut().check_end_names = false;
        Self {
            reader,
            what: what.to_string(),
        }
    }

    fn error(&self, e: impl std::fmt::Display) -> FileError {
        FileError::new(
            ErrorCode::Unreadable,
            format!(
                "{}: malformed XML at byte {}: {e}",
                self.what,
                self.reader.buffer_position()
            ),
        )
    }

    fn open(&self, e: &BytesStart<'_>, empty: bool) -> Result<Ev, FileError> {
        let mut attrs = Vec::new();
        for a in e.attributes().with_checks(false) {
            let a = a.map_err(|x| self.error(x))?;
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|x| self.error(x))?;
            attrs.push((local(a.key.as_ref()), v.into_owned()));
        }
        Ok(Ev::Open {
            name: local(e.name().as_ref()),
            attrs,
            empty,
        })
    }

    /// The next event, `None` at the end.
    ///
    /// # Errors
    /// `unreadable` for malformed XML or an entity that is not predefined.
    pub fn next_event(&mut self) -> Result<Option<Ev>, FileError> {
        loop {
            let ev = self.reader.read_event().map_err(|e| {
                FileError::new(ErrorCode::Unreadable, format!("{}: {e}", self.what))
            })?;
            let out = match ev {
                Event::Start(e) => self.open(&e, false)?,
                Event::Empty(e) => self.open(&e, true)?,
                Event::End(e) => Ev::Close(local(e.name().as_ref())),
                Event::Text(t) => Ev::Text(t.xml10_content().into_owned()),
                Event::CData(t) => Ev::Text(t.xml10_content().into_owned()),
                Event::GeneralRef(r) => {
                    if let Some(c) = r.resolve_char_ref().map_err(|e| self.error(e))? {
                        Ev::Text(c.to_string())
                    } else {
                        let s = match r.as_ref() {
                            "amp" => "&",
                            "lt" => "<",
                            "gt" => ">",
                            "quot" => "\"",
                            "apos" => "'",
                            other => {
                                let other = other.to_string();
                                return Err(self.error(format!("unknown entity &{other};")));
                            }
                        };
                        Ev::Text(s.to_string())
                    }
                }
                Event::DocType(_) => {
                    return Err(self.error("a DTD (entity declarations) is not accepted"));
                }
                Event::Eof => return Ok(None),
                _ => continue,
            };
            return Ok(Some(out));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &str) -> Result<Vec<Ev>, FileError> {
        let mut x = Xml::new(xml.as_bytes(), "t.xml");
        let mut out = Vec::new();
        while let Some(e) = x.next_event()? {
            out.push(e);
        }
        Ok(out)
    }

    #[test]
    fn local_names_attributes_and_entities() {
        let ev = events("<w:p w:val=\"a&amp;b\">x &lt; &#x4E00;</w:p>").unwrap();
        assert_eq!(ev[0].attr("val"), Some("a&b"));
        let text: String = ev
            .iter()
            .filter_map(|e| match e {
                Ev::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(text, "x < 一");
        assert_eq!(ev.last(), Some(&Ev::Close("p".into())));
    }

    #[test]
    fn entity_bombs_are_refused() {
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]><a>&lol2;</a>";
        assert_eq!(events(bomb).unwrap_err().code, ErrorCode::Unreadable);
        assert!(events("<a>&lol2;</a>").is_err());
    }
}
