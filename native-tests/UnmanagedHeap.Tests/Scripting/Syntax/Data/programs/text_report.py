import sys
from math import sqrt as square_root, pi

DATA = """\
name,score,weight
alpha,3.5,2
beta,4.25,1
gamma,2.0,3
"""


def parse(text):
    header, *rows = text.strip().splitlines()
    keys = header.split(",")
    for row in rows:
        values = row.split(",")
        record = dict(zip(keys, values))
        record["score"] = float(record["score"])
        record["weight"] = int(record["weight"])
        yield record


def report(records, width=10):
    records = list(records)
    total_weight = sum(r["weight"] for r in records)
    mean = sum(r["score"] * r["weight"] for r in records) / total_weight
    variance = sum(r["weight"] * (r["score"] - mean) ** 2 for r in records) / total_weight
    lines = [f"{'name':<{width}}|{'score':>8}|{'w':>3}"]
    lines.append("-" * (width + 13))
    for r in sorted(records, key=lambda r: (-r["score"], r["name"])):
        lines.append(f"{r['name']:<{width}}|{r['score']:>8.3f}|{r['weight']:>3d}")
    lines += [f"mean={mean:.4f} sd={square_root(variance):.4f}", f"{pi=:.3f}", f"{len(records)=}"]
    return "\n".join(lines)


if __name__ == "__main__":
    text = report(parse(DATA), width=8)
    print(text)
    print(r"raw \n stays", b"bytes\x00\xff", 'single', "double", '''triple''', sep=" | ")
    print(0x1F, 0o17, 0b101, 1_000_000, 1e-3, 2.5j, 10 // 3, -7 % 3, 2 ** -1, ~5, 1 << 4, 255 >> 2)
    sys.stdout.write("done\n")
