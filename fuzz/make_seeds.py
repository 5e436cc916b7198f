#!/usr/bin/env python3
"""Writes the fuzz seed corpora, fuzz/corpus/<target>/, from our own data:
corpus/site (articles, the feed), rules/ and the string literals of our
tests. Run from anywhere: python3 fuzz/make_seeds.py. Rewrites the folders
each time (the output depends only on the repository's files).

Each fuzz target reads its first one or two bytes as option choices (see
fuzz/fuzz_targets.h TakeChoice), so seeds carry those bytes first.
"""
import hashlib
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "corpus"
MAX_SEED = 64 * 1024


def cxx_string_literals(path):
    """String literals of a C++ file; adjacent literals are joined."""
    src = path.read_text(encoding="utf-8")
    out, cur, i, n = [], None, 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            i = src.find("\n", i)
            i = n if i < 0 else i
            continue
        if src.startswith("/*", i):
            i = src.find("*/", i) + 2
            continue
        m = re.match(r'(?:u8)?R"([^(\s]*)\(', src[i:i + 40])
        if m and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            end = src.find(")" + m.group(1) + '"', i + m.end())
            cur = (cur or "") + src[i + m.end():end]
            i = end + len(m.group(1)) + 2
            continue
        if c == '"' or (src.startswith('u8"', i) and not src[i - 1].isalnum()):
            i += 1 if c == '"' else 3
            buf = bytearray()
            while src[i] != '"':
                if src[i] == "\\":
                    e = src[i + 1]
                    simple = {"n": b"\n", "t": b"\t", "r": b"\r", "0": b"\0", "\\": b"\\", '"': b'"', "'": b"'"}
                    if e == "x":
                        m2 = re.match(r"[0-9a-fA-F]+", src[i + 2:])
                        buf.append(int(m2.group(0), 16) & 0xFF)
                        i += 2 + len(m2.group(0))
                        continue
                    buf += simple.get(e, e.encode())
                    i += 2
                    continue
                buf += src[i].encode("utf-8")
                i += 1
            cur = (cur or "") + buf.decode("utf-8", "surrogateescape")
            i += 1
            continue
        if c == "'":
            # a char literal: skip it so a quote inside does not start a string
            i = src.find("'", i + 2 if src[i + 1] == "\\" else i + 1) + 1
            continue
        if not c.isspace() and cur is not None:
            out.append(cur)
            cur = None
        i += 1
    if cur is not None:
        out.append(cur)
    return [s.encode("utf-8", "surrogateescape") for s in out]


def strip_tags(html):
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    text = re.sub(r"(?s)<[^>]*>", "\n", text)
    return re.sub(r"\n\s*\n+", "\n", text).strip()


def paragraphs(text, min_len=20):
    return [p.strip() for p in text.split("\n") if len(p.strip()) >= min_len]


class Seeds:
    def __init__(self, target):
        self.dir = OUT / target
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True)
        self.seen = set()

    def add(self, name, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        data = data[:MAX_SEED]
        digest = hashlib.sha1(data).hexdigest()
        if digest in self.seen:
            return
        self.seen.add(digest)
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name)[:60]
        (self.dir / f"{safe}-{digest[:8]}").write_bytes(data)


def main():
    site = ROOT / "corpus" / "site"
    pages = sorted(p for p in site.rglob("*") if p.suffix in (".html", ".txt"))
    texts = {}
    for p in pages:
        raw = p.read_text(encoding="utf-8")
        texts[p] = raw if p.suffix == ".txt" else strip_tags(raw)
    tests = ROOT / "tests"
    lits = {f: cxx_string_literals(f) for f in sorted(tests.rglob("*_test.cc"))}

    def literals(*names, min_len=1):
        for f, ls in lits.items():
            if any(str(f).endswith(n) for n in names):
                yield from (s for s in ls if len(s) >= min_len)

    # charset: byte 0 picks the Content-Type, byte 1 the override (0 = none).
    s = Seeds("charset")
    for p in pages:
        raw = p.read_text(encoding="utf-8")
        s.add("utf8-" + p.stem, b"\0\0" + raw.encode())
        lang = p.parent.name
        enc = {"zh-Hant": "big5", "zh-Hans": "gbk"}.get(lang)
        if enc:
            body = raw.encode(enc, "replace")
            s.add(f"{enc}-detect-{p.stem}", b"\0\0" + body)
            s.add(f"{enc}-http-{p.stem}", (b"\3" if enc == "big5" else b"\4") + b"\0" + body)
            s.add(f"{enc}-lie-{p.stem}", b"\2\0" + body)
    s.add("sjis", b"\5\0" + "三菱UFJ銀行は融資を発表した。".encode("shift_jis"))
    s.add("cp1252", b"\6\0" + "Société Générale – “€840 million” loan".encode("cp1252"))
    s.add("utf16-bom", b"\0\0" + "\ufeff<p>银团贷款 50亿元</p>".encode("utf-16-le"))
    s.add("utf8-bom-meta", b"\0\0\xef\xbb\xbf<meta charset=big5><p>\xe8\xb2\xb8</p>")
    for lit in literals("charset_test.cc", min_len=4):
        s.add("test-charset", b"\0\0" + lit)

    # article: byte 0 picks the mode (0 auto .. 3 plain text), byte 1 the URL.
    s = Seeds("article")
    for p in pages:
        mode = b"\3" if p.suffix == ".txt" else b"\0"
        s.add("corpus-" + p.stem, mode + b"\1" + p.read_bytes())
    s.add("index", b"\0\0" + (site / "index.html").read_bytes())
    for lit in literals("article_extractor_test.cc", "html_document_test.cc", "metadata_test.cc",
                        "filing_text_test.cc", "text_renderer_test.cc", "dom_test.cc", min_len=16):
        if b"<" in lit or b"SEC-" in lit:
            s.add("test-parse", b"\0\1" + lit)

    # normalize: byte 0 the market, byte 1 the script; paragraphs and test lines.
    s = Seeds("normalize")
    for p, text in texts.items():
        for k, para in enumerate(paragraphs(text)[:12]):
            s.add(f"{p.stem}-{k}", b"\0\0" + para.encode())
    for lit in literals("money_test.cc", "terms_test.cc", "text_normalizer_test.cc",
                        "chinese_number_test.cc", "sentences_test.cc", min_len=2):
        s.add("test-normalize", b"\0\0" + lit)

    # rule_file: every rules file whole and block by block (raw bytes).
    s = Seeds("rule_file")
    for p in sorted((ROOT / "rules").rglob("*.rules")):
        raw = p.read_bytes()
        s.add(f"{p.parent.name}-{p.stem}", raw)
        for k, block in enumerate(re.split(rb"\n\s*\n", raw)):
            if block.strip():
                s.add(f"{p.parent.name}-{p.stem}-{k}", block + b"\n")
    for lit in literals("rule_file_test.cc", min_len=8):
        s.add("test-rule-file", lit)

    # extractor: byte 0 the market, byte 1 the language; articles, paragraphs, rule examples.
    s = Seeds("extractor")
    for p, text in texts.items():
        s.add("corpus-" + p.stem, b"\0\0" + text.encode())
        for k, para in enumerate(paragraphs(text, 40)[:6]):
            s.add(f"{p.stem}-{k}", b"\0\0" + para.encode())
    for p in sorted((ROOT / "rules").rglob("*.rules")):
        for line in p.read_text(encoding="utf-8").splitlines():
            m = re.match(r"(example|not):\s*(.*?)(?:\s+=>.*)?$", line)
            if m:
                s.add("example", b"\0\0" + m.group(2).encode())
    for lit in literals("extractor_test.cc", "corpus_test.cc", min_len=20):
        s.add("test-extract", b"\0\0" + lit)

    # feed: byte 0 picks the base URL.
    s = Seeds("feed")
    s.add("corpus-feed", b"\3" + (site / "feed.xml").read_bytes())
    for lit in literals("feed_parser_test.cc", "xml_tokenizer_test.cc", "crawler_sources_test.cc",
                        "crawler_edgar_test.cc", min_len=12):
        if b"<" in lit:
            s.add("test-feed", b"\0" + lit)

    # robots: byte 0 odd = product "dealwatch".
    s = Seeds("robots")
    for lit in literals("robots_test.cc", "crawler_politeness_test.cc", "crawler_sources_test.cc", min_len=8):
        if b":" in lit and b"\n" in lit:
            s.add("test-robots", b"\1" + lit)
    s.add("google-like", b"\1User-agent: *\nDisallow: /search\nAllow: /search/about\n"
          b"Disallow: /*?*q=\nDisallow: /*.pdf$\nCrawl-delay: 2\nSitemap: /sitemap.xml\n")

    for d in sorted(OUT.iterdir()):
        print(f"{d.name}: {len(list(d.iterdir()))} seeds")


if __name__ == "__main__":
    main()
