# Nested dicts and lists; building structures.
db = {"users": [{"name": "ann", "tags": ["admin"]}, {"name": "bob", "tags": []}]}
db["users"][1]["tags"].append("new")
print(db)
print([u["name"] for u in db["users"] if u["tags"]])
tree = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
inverted = {}
for k, vs in groups.items():
    for v in vs:
        inverted[v] = k
print(inverted["cherry"], len(inverted))
print(db["users"][0].get("email", "no email"))
