#!/usr/bin/env python3
"""Write the libFuzzer seed corpus test/fuzz/corpus/ (rerun after a
deliberate change; the files are checked in).

Seeds: every fixture of test/fixtures/ and test/fixtures/layouts/ (small
ones as they are, the HTML pages cut down to their tables), one small
synthetic report of each format and layout from bench/gen.py, and a few cut
or mutated variants (prefixes, CRLF, a doubled table, huge numbers, stray
bytes, two reports glued together).  Names say where a seed came from.

  python3 test/fuzz/make_corpus.py
"""
import os
import random
import sys

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
FIX = os.path.join(TOP, "test", "fixtures")
OUT = os.path.join(HERE, "corpus")
MAX = 12 * 1024          # keep the seeds small: the fuzzer runs faster


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def html_tables(data):
    """The <table> elements of a saved page, without head and prose."""
    s = data.decode("utf-8")
    parts = []
    i = 0
    while True:
        a = s.find('<table class="MsoTableGrid"', i)
        if a < 0:
            break
        b = s.find("</table>", a)
        parts.append(s[a:b + 8])
        i = b + 8
    return ("<html><body>\n<p>青禾区生态环境局2021年政府信息公开工作年度报告</p>\n"
            + "\n".join(parts) + "\n</body></html>\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.unlink(os.path.join(OUT, f))
    rng = random.Random(6)

    srcs = {}
    for d, prefix in ((FIX, "fx_"), (os.path.join(FIX, "layouts"), "lay_")):
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith((".txt", ".html")):
                data = open(os.path.join(d, f), "rb").read()
                srcs[prefix + f] = data
    for name, data in srcs.items():
        if name.endswith(".html"):
            t = html_tables(data).encode("utf-8")
            write(name.replace(".html", "_tables.html"), t[:MAX * 3])
        elif len(data) <= MAX:
            write(name, data)

    # synthetic reports of every kind, as small as they come
    sys.path.insert(0, os.path.join(TOP, "bench"))
    try:
        import gen
        for i, f, l, _, text in gen.generate(len(gen.kinds()), 7, 1, 2):
            if l == "html":
                text = html_tables(text.encode("utf-8"))
            write("gen_%s_%s.txt" % (f, l), text[:MAX])
    except Exception as e:          # noqa: BLE001 - the fixtures are enough
        print("make_corpus: bench/gen.py not used: %s" % e, file=sys.stderr)

    base = srcs.get("fx_t2021_tab.txt", b"")
    if base:
        s = base.decode("utf-8")
        n = len(base)
        for k in (3, 2):
            write("cut_t2021_tab_%d.txt" % k, base[:n // k])
        write("cut_t2021_tab_mid.txt", base[n // 4:3 * n // 4])
        write("mut_t2021_tab_crlf.txt", s.replace("\n", "\r\n"))
        t3 = s.find("三、收到和处理政府信息公开申请情况")
        t4 = s.find("四、政府信息公开行政复议")
        if 0 < t3 < t4:
            write("mut_t2021_tab_t3_twice.txt", s[:t4] + s[t3:t4] + s[t4:])
            write("mut_t2021_tab_only_t3.txt", s[t3:t4])
        write("mut_t2021_tab_huge.txt", s.replace("1,210", "9" * 60).replace("1,102", "-" + "9" * 40))
        write("mut_t2021_tab_dots.txt", s.replace("\t4", "\t4.5e3").replace("\t0", "\t0.000000001"))
        b = bytearray(base)
        for _ in range(12):
            b[rng.randrange(len(b))] = rng.randrange(256)
        write("mut_t2021_tab_bytes.txt", bytes(b))
        write("mut_t2021_tab_nul.txt", base[:1000] + b"\x00" + base[1000:])
        write("mut_t2021_tab_no_newlines.txt", s.replace("\n", ""))
        write("mut_t2021_tab_tabs_only.txt", "\t" * 300 + "\n" * 50)
    pipe = srcs.get("fx_t2021_pipe.txt")
    md = srcs.get("fx_t2019_md.txt")
    if pipe and md:
        write("mut_pipe_plus_md.txt", pipe[:len(pipe) // 2] + md[len(md) // 2:])
        write("mut_md_pipes_only.txt", b"|" * 4000)
    al = srcs.get("lay_t2021_aligned.txt")
    if al:
        write("mut_aligned_ff.txt", al.replace(b"\n", b"\n\f", 20)[:MAX])
    write("tiny_title.txt", "示例市2021年政府信息公开工作年度报告\n")
    write("tiny_empty.txt", b"")
    print("make_corpus: %d seeds in %s" % (len(os.listdir(OUT)), OUT))


if __name__ == "__main__":
    main()
