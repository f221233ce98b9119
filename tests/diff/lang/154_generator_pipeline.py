# A lazy generator pipeline processing log lines.
log = """INFO start
WARN disk 91%
INFO tick
ERROR failed to open file
WARN disk 95%
ERROR timeout
INFO stop""".splitlines()
def parse(lines):
    for line in lines:
        level, _, msg = line.partition(" ")
        yield level, msg
def only(levels, records):
    for level, msg in records:
        if level in levels:
            yield f"[{level}] {msg}"
def numbered(items):
    n = 0
    for item in items:
        n += 1
        yield f"{n:02d} {item}"
for line in numbered(only({"WARN", "ERROR"}, parse(log))):
    print(line)
counts = {}
for level, _ in parse(log):
    counts[level] = counts.get(level, 0) + 1
print(counts)
