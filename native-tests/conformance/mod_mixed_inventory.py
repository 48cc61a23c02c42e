# Everyday data wrangling: records, grouping, ranking, a JSON report.
import json
import textwrap
from collections import namedtuple, Counter, defaultdict, OrderedDict
from operator import attrgetter, itemgetter
from functools import reduce

Item = namedtuple('Item', 'sku name category price qty')
rows = """A100,widget,tools,2.50,10
B200,gadget,toys,12.00,3
A101,sprocket,tools,0.75,120
C300,doohickey,misc,5.25,0
B201,yo-yo,toys,1.99,44
A102,spanner,tools,9.10,7"""
items = [Item(s, n, c, float(p), int(q)) for s, n, c, p, q in (line.split(',') for line in rows.splitlines())]
print(items[0], items[0].price * items[0].qty)
by_cat = defaultdict(list)
for it in items:
    by_cat[it.category].append(it)
for cat in sorted(by_cat):
    names = [i.name for i in sorted(by_cat[cat], key=attrgetter('price'))]
    print(cat, names)
value = {it.sku: round(it.price * it.qty, 2) for it in items}
top = sorted(value.items(), key=itemgetter(1), reverse=True)[:3]
print(top)
print(Counter(it.category for it in items).most_common())
print(reduce(lambda acc, it: acc + it.qty, items, 0), sum(i.qty for i in items if i.qty))
out_of_stock = [it._replace(qty=100) for it in items if it.qty == 0]
print(out_of_stock, [it._asdict() for it in out_of_stock])
report = OrderedDict()
for cat in sorted(by_cat):
    report[cat] = {'count': len(by_cat[cat]), 'value': round(sum(value[i.sku] for i in by_cat[cat]), 2)}
print(json.dumps(report, indent=2))
summary = 'Inventory holds ' + ', '.join('%d %s' % (v['count'], k) for k, v in report.items()) + ' items, worth ' + '%.2f' % sum(value.values()) + ' in total, across every warehouse we know of.'
print(textwrap.fill(summary, 40, subsequent_indent='    '))
