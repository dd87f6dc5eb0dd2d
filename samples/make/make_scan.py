"""scan.pdf: image-only PDF (no text layer, no fonts): the pages of seed_reportlab.pdf
rendered by pdftoppm at 60 dpi, greyscale JPEG, wrapped by img2pdf at A4 size.
usage: python3 make_scan.py SRC.pdf OUT.pdf"""
import glob
import os
import subprocess
import sys
import tempfile
import img2pdf
from PIL import Image


def main(src, out):
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(['pdftoppm', '-r', '60', '-gray', src, os.path.join(d, 'p')], check=True)
        imgs = []
        for pgm in sorted(glob.glob(os.path.join(d, 'p-*.pgm'))):
            jpg = pgm[:-4] + '.jpg'
            Image.open(pgm).convert('L').save(jpg, quality=50, optimize=True)
            imgs.append(jpg)
        a4 = (img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297))
        layout = img2pdf.get_layout_fun(a4)
        data = img2pdf.convert(imgs, layout_fun=layout, nodate=True,
                               producer='jixiao samples/make/make_scan.py')
    with open(out, 'wb') as f:
        f.write(data)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
