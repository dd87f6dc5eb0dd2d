# Builds src/page/blank.ttf: a minimal valid TrueType font with one empty .notdef
# glyph of advance 0. It is handed to hayro for every non-embedded font, so hayro
# never rescales glyph advances ("stretch") and never needs real outlines.
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
fb = FontBuilder(1000, isTTF=True)
fb.setupGlyphOrder([".notdef"])
fb.setupCharacterMap({})
pen = TTGlyphPen(None)
fb.setupGlyf({".notdef": pen.glyph()})
fb.setupHorizontalMetrics({".notdef": (0, 0)})
fb.setupHorizontalHeader(ascent=880, descent=-120)
fb.setupNameTable({"familyName": "JixiaoBlank", "styleName": "Regular"})
fb.setupOS2()
fb.setupPost()
fb.save("src/page/blank.ttf")
