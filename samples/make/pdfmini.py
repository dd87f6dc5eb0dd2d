"""A tiny PDF writer (objects, xref, Flate streams) plus a simple ruled-table layout engine.

Used by make_gbk.py (seed_gbk.pdf, seed_gbk_embedded.pdf and the UCS-2 "twin" used to
make their expected text) and make_rotate90.py. Deterministic: no dates, fixed /ID."""
import zlib
import hashlib


class Ref:
    def __init__(self, n):
        self.n = n


def ser(o):
    if isinstance(o, Ref):
        return b'%d 0 R' % o.n
    if isinstance(o, bool):
        return b'true' if o else b'false'
    if isinstance(o, int):
        return b'%d' % o
    if isinstance(o, float):
        s = ('%.3f' % o).rstrip('0').rstrip('.')
        return s.encode() if s not in ('', '-0') else b'0'
    if isinstance(o, bytes):  # a literal token (already serialised)
        return o
    if isinstance(o, str):  # a name
        return b'/' + o.encode('ascii')
    if isinstance(o, list):
        return b'[' + b' '.join(ser(x) for x in o) + b']'
    if isinstance(o, dict):
        return b'<<' + b''.join(ser(k) + b' ' + ser(v) + b' ' for k, v in o.items()) + b'>>'
    if o is None:
        return b'null'
    raise TypeError(o)


def pstr(s):
    """PDF literal string token from text (ASCII)."""
    return b'(' + s.encode('latin-1').replace(b'\\', b'\\\\').replace(b'(', b'\\(').replace(b')', b'\\)') + b')'


class Pdf:
    def __init__(self):
        self.objs = []  # bytes bodies

    def reserve(self):
        self.objs.append(None)
        return Ref(len(self.objs))

    def set(self, ref, obj):
        self.objs[ref.n - 1] = ser(obj)

    def add(self, obj):
        r = self.reserve()
        self.objs[r.n - 1] = ser(obj)
        return r

    def add_stream(self, data, extra=None, compress=True):
        d = dict(extra or {})
        if compress:
            data = zlib.compress(data, 9)
            d['Filter'] = 'FlateDecode'
        d['Length'] = len(data)
        r = self.reserve()
        self.objs[r.n - 1] = ser(d) + b'\nstream\n' + data + b'\nendstream'
        return r

    def write(self, path, root, info=None, trailer=None):
        out = bytearray(b'%PDF-1.5\n%\xe2\xe3\xcf\xd3\n')
        offs = []
        for i, body in enumerate(self.objs):
            offs.append(len(out))
            out += b'%d 0 obj\n' % (i + 1) + body + b'\nendobj\n'
        x = len(out)
        out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(self.objs) + 1)
        for o in offs:
            out += b'%010d 00000 n \n' % o
        ident = hashlib.md5(bytes(out)).hexdigest().encode()
        tr = {'Size': len(self.objs) + 1, 'Root': root, 'ID': [b'<' + ident + b'>', b'<' + ident + b'>']}
        if info:
            tr['Info'] = info
        tr.update(trailer or {})
        out += b'trailer\n' + ser(tr) + b'\nstartxref\n%d\n%%%%EOF\n' % x
        with open(path, 'wb') as f:
            f.write(out)


# ---------------------------------------------------------------- layout

def is_wide(ch):
    return ord(ch) > 0x7e


def tokens(text):
    """Break opportunities: an ASCII word (non-space run) is one token, each other char is one."""
    out, cur = [], ''
    for ch in text:
        if ch == '\n' or ch == ' ' or is_wide(ch):
            if cur:
                out.append(cur)
                cur = ''
            out.append(ch)
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


NO_LINE_START = set('，。、；：？！）》”’,.;:)%')


def wrap(text, maxw, width_of):
    """Greedy wrap; width_of(str) -> width in points."""
    lines, cur = [], ''
    for tok in tokens(text):
        if tok == '\n':
            lines.append(cur)
            cur = ''
            continue
        if tok == ' ' and cur == '':
            continue
        if width_of(cur + tok) <= maxw or cur == '':
            if width_of(tok) > maxw and cur == '':  # hard-break a very long ASCII word
                for ch in tok:
                    if width_of(cur + ch) > maxw and cur:
                        lines.append(cur)
                        cur = ''
                    cur += ch
                continue
            cur += tok
        else:
            # closing punctuation may not start a line (kinsoku): carry the previous char along
            if tok in NO_LINE_START and len(cur) > 1:
                lines.append(cur[:-1].rstrip(' '))
                cur = cur[-1] + tok
                continue
            lines.append(cur.rstrip(' '))
            cur = '' if tok == ' ' else tok
    if cur or not lines:
        lines.append(cur.rstrip(' '))
    return lines


class TableLayout:
    """Lay out a seed_form table (cells with spans) in a given width."""

    def __init__(self, cells, rel, width, width_of, size, leading, pad, center=lambda t: False):
        self.cells = cells
        n = max(c + cs for (r, c, rs, cs, t) in cells)
        nr = max(r + rs for (r, c, rs, cs, t) in cells)
        tot = sum(rel)
        self.colw = [width * x / tot for x in rel]
        self.size, self.leading, self.pad = size, leading, pad
        self.lines = {}
        need = {}
        for (r, c, rs, cs, t) in cells:
            w = sum(self.colw[c:c + cs]) - 2 * pad
            ls = wrap(t, w, width_of)
            self.lines[(r, c)] = ls
            need[(r, c)] = len(ls) * leading + 2 * pad
        rowh = [0.0] * nr
        for (r, c, rs, cs, t) in sorted(cells, key=lambda x: x[2]):
            h = need[(r, c)]
            if rs == 1:
                rowh[r] = max(rowh[r], h)
        for (r, c, rs, cs, t) in cells:
            if rs > 1:
                have = sum(rowh[r:r + rs])
                if have < need[(r, c)]:
                    rowh[r + rs - 1] += need[(r, c)] - have
        self.rowh = rowh
        self.nrows, self.ncols = nr, n
        self.center = center
        self.width_of = width_of

    def groups(self):
        """Row ranges that must stay on one page (linked by rowspans)."""
        end = list(range(1, self.nrows + 1))
        for (r, c, rs, cs, t) in self.cells:
            end[r] = max(end[r], r + rs)
        out, r = [], 0
        while r < self.nrows:
            e = end[r]
            k = r
            while k < e:
                e = max(e, end[k])
                k += 1
            out.append((r, e))
            r = e
        return out

    def render(self, x0, top, r0, r1, text_cb, rule_cb):
        """Draw rows r0..r1-1 with top edge at `top` (PDF y). text_cb(x, y, str), rule_cb(x0,y0,x1,y1)."""
        ys = [top]
        for r in range(r0, r1):
            ys.append(ys[-1] - self.rowh[r])
        xs = [x0]
        for w in self.colw:
            xs.append(xs[-1] + w)
        segs_h, segs_v = set(), set()
        for (r, c, rs, cs, t) in self.cells:
            if r < r0 or r >= r1:
                continue
            ya, yb = ys[r - r0], ys[r - r0 + rs]
            xa, xb = xs[c], xs[c + cs]
            segs_h.add((ya, xa, xb))
            segs_h.add((yb, xa, xb))
            segs_v.add((xa, yb, ya))
            segs_v.add((xb, yb, ya))
            ls = self.lines[(r, c)]
            th = len(ls) * self.leading
            ty = ya - (ya - yb - th) / 2 - self.size * 0.88 - (self.leading - self.size) / 2
            for i, ln in enumerate(ls):
                if not ln:
                    continue
                if self.center(t):
                    lw = self.width_of(ln)
                    tx = xa + (xb - xa - lw) / 2
                else:
                    tx = xa + self.pad
                text_cb(tx, ty - i * self.leading, ln)
        for (y, a, b) in merge(segs_h):
            rule_cb(a, y, b, y)
        for (x, a, b) in merge(segs_v):
            rule_cb(x, a, x, b)
        return ys[-1]


def merge(segs):
    """Merge collinear overlapping/touching segments (pos, start, end)."""
    out = []
    for s in sorted(segs):
        if out and abs(out[-1][0] - s[0]) < 1e-6 and s[1] <= out[-1][2] + 1e-6:
            out[-1] = (out[-1][0], out[-1][1], max(out[-1][2], s[2]))
        else:
            out.append(s)
    return out
