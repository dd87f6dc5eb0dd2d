"""Make a PDF written by LibreOffice/fpdf2 reproducible: fixed Info dates, no XMP, fixed /ID.
usage: python3 normalize_pdf.py IN.pdf OUT.pdf"""
import hashlib
import os
import sys
import pikepdf

FIXED = 'D:20220301000000Z'


def main(src, dst):
    with pikepdf.open(src) as pdf:
        info = pdf.trailer.get('/Info')
        if info is not None:
            for k in ('/CreationDate', '/ModDate'):
                if k in info:
                    info[k] = pikepdf.String(FIXED)
        for k in ('/DocChecksum',):
            if k in pdf.trailer:
                del pdf.trailer[k]
        if '/Metadata' in pdf.Root:
            del pdf.Root['/Metadata']
        ident = hashlib.md5(os.path.basename(dst).encode()).digest()
        pdf.trailer.ID = pikepdf.Array([pikepdf.String(ident), pikepdf.String(ident)])
        pdf.save(dst, static_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
