# Regenerate: python3 kernelspec/draw_logos.py kernelspec
# Draws the fekernel logo: white "fe" on a Rust-orange rounded square with a blue bar.
import struct, zlib, sys

GLYPHS = {  # 5x7 bitmaps
    "f": ["00110", "01000", "11110", "01000", "01000", "01000", "01000"],
    "e": ["00000", "01110", "10001", "11111", "10000", "10001", "01110"],
}
ORANGE = (206, 66, 43, 255)
BLUE = (36, 99, 235, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)

def draw(size):
    px = [[CLEAR] * size for _ in range(size)]
    r = size // 5
    for y in range(size):
        for x in range(size):
            cx = min(max(x, r), size - 1 - r); cy = min(max(y, r), size - 1 - r)
            if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                px[y][x] = ORANGE
    scale = size // 16
    text_w = (5 + 1 + 5) * scale; text_h = 7 * scale
    ox = (size - text_w) // 2; oy = (size - text_h) // 2 - scale
    for i, ch in enumerate("fe"):
        for gy, row in enumerate(GLYPHS[ch]):
            for gx, bit in enumerate(row):
                if bit == "1":
                    for dy in range(scale):
                        for dx in range(scale):
                            px[oy + gy * scale + dy][ox + i * 6 * scale + gx * scale + dx] = WHITE
    bar_y = oy + text_h + scale
    for y in range(bar_y, bar_y + max(1, scale // 2 + scale // 4)):
        for x in range(ox, ox + text_w):
            px[y][x] = BLUE
    return px

def png(px):
    h = len(px); w = len(px[0])
    raw = b"".join(b"\x00" + b"".join(struct.pack("4B", *p) for p in row) for row in px)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

for size in (32, 64):
    with open(f"{sys.argv[1]}/logo-{size}x{size}.png", "wb") as f:
        f.write(png(draw(size)))
