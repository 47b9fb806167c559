# A polite crawler: workers take URLs from a queue, "fetch" them (the latency is
# simulated), resolve and normalise the links they find with urllib.parse, and the
# results are pretty-printed with pprint at the end.
import asyncio
import pprint
from urllib.parse import (parse_qs, parse_qsl, quote, unquote, urldefrag, urlencode, urljoin, urlsplit,
                          urlunsplit)

SITE = {
    "https://shop.example/": ['<a href="/catalog?page=1&sort=price">', '<a href="about.html#team">',
                              '<a href="https://cdn.example/app.js">', '<a href="mailto:help@shop.example">'],
    "https://shop.example/catalog?page=1&sort=price": ['<a href="?page=2&sort=price">', '<a href="item/42">',
                                                       '<a href="item/%E2%82%AC-deal?ref=home">'],
    "https://shop.example/catalog?page=2&sort=price": ['<a href="../catalog?sort=price&page=1">',
                                                       '<a href="item/43;v=2">'],
    "https://shop.example/about.html": ['<a href="./">', '<a href="//shop.example:443/catalog?page=2&sort=price">'],
    "https://shop.example/item/42": ['<a href="../catalog?page=1&sort=price#top">'],
}


def normalise(url):
    """Lower-case the scheme and host, drop the default port and the fragment, sort the query."""
    url, _fragment = urldefrag(url)
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port and parts.port != {"http": 80, "https": 443}.get(parts.scheme):
        netloc += ":%d" % parts.port
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return urlunsplit((parts.scheme.lower(), netloc, quote(unquote(parts.path)) or "/", query, ""))


async def fetch(url):
    await asyncio.sleep(0.01 * (1 + len(url) % 4))
    return SITE.get(url, [])


async def worker(name, queue, seen, graph):
    while True:
        url = await queue.get()
        try:
            links = []
            for tag in await fetch(url):
                href = tag.split('"')[1]
                target = urljoin(url, href)
                parts = urlsplit(target)
                if parts.scheme != "https" or parts.hostname != "shop.example":
                    links.append(("external", target))
                    continue
                canon = normalise(target)
                links.append(("internal", canon))
                if canon not in seen:
                    seen.add(canon)
                    queue.put_nowait(canon)
            graph[url] = {"by": name, "links": links}
        finally:
            queue.task_done()


async def main():
    start = normalise("HTTPS://Shop.Example:443/#home")
    queue, seen, graph = asyncio.Queue(), {start}, {}
    queue.put_nowait(start)
    workers = [asyncio.create_task(worker(f"w{i}", queue, seen, graph)) for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    pprint.pprint(graph, width=100)
    pprint.pp(sorted(seen))
    item = urlsplit(urljoin(start, "item/%E2%82%AC-deal?ref=home&utm=a&utm=b"))
    print(item)
    print(item.hostname, item.port, unquote(item.path), parse_qs(item.query))
    login = urlsplit("https://alice:s3cr%40t@Shop.Example:8443/account?next=%2Fcart")
    print(login.username, login.password, login.hostname, login.port, unquote(parse_qs(login.query)["next"][0]))
    print(urlencode({"q": "tea & cake", "page": 2}), quote("a b/c", safe=""), urlsplit("http://[::1]:8080/").hostname)
    try:
        urlsplit("https://shop.example:http/").port
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
