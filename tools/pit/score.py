#!/usr/bin/env python3
"""PIT score of the reference implementation's models, per package, with fault-only code left out.

usage: tools/pit/score.py [mutations.csv] [--survivors] [--sources DIR]
  (default reference-impl/target/pit-reports/mutations.csv and reference-impl/src/main/java; give
  --sources the java folder of the commit PIT ran on when the sources moved since)

A mutant counts unless its line runs only under a fault: the guard and the block of an
`if (context.faults().inject(F) ...)` (or `faults.inject(F)`, the plan passed in) whose condition is the inject call alone or the inject call
`&&` more (the wrong behaviour the kill matrix switches on; the kill matrix proves those), and the
statement `boolean x = context.faults().inject(F) && ...;`, whose operands after `&&` run only under
the fault (the uses of `x` count); and a statement that only reports a free to the resource ledger
(`context.ledger().free(Kind.X);`, alone or in a forEach), which is the fail-nth hook's leak
accounting, checked by the reference's own FailNthTest, not model behaviour; and a line that is a
fault switch and nothing else (`return context.faults().inject(F);`, `check(F, true)` of a
constant), whose mutants are the switch itself or the same program. Every
other line counts, the arguments of check/step/value included, but for a line that holds only the
`wrong` half of a `value(F, correct,` call begun on the line before; a `wrong` half on the same line
as the correct one still counts against the score (conservative).
Score = killed (KILLED, TIMED_OUT, MEMORY_ERROR) / counted mutants, NO_COVERAGE included.
"""
import collections
import csv
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
SOURCES = os.path.join(ROOT, 'reference-impl', 'src', 'main', 'java')
KILLED = {'KILLED', 'TIMED_OUT', 'MEMORY_ERROR'}
GUARD = re.compile(r'\bif \((context\.)?faults(\(\))?\.inject\(Fault\.\w+\)\s*(\)|&&)')
# boolean x = context.faults().inject(F) && ...; the operands after && are evaluated only under the fault
# a statement that only tells the resource ledger (the fail-nth hook's leak accounting) that something was freed
LEDGER_FREE = re.compile(r'^\s*(\w+(\.\w+(\(\))?)*\.forEach\(\w+ -> )?context\.ledger\(\)\.free\(Kind\.\w+\)\)?;\s*$')
# a value that is nothing but a fault switch: the wrong behaviour alone (inject) or a check of a constant
# (its correct value is the constant: returning it unchanged is the same program)
PURE_SWITCH = re.compile(r'^\s*(return |case \w+ -> |(case )?[\w, ]+ -> )?context\.faults\(\)\.'
                         r'(inject\(Fault\.\w+\)|check\(Fault\.\w+, true\))[;)]?;?\s*$')
ASSIGNED = re.compile(r'\bboolean \w+ = context\.faults\(\)\.inject\(Fault\.\w+\)\s*&&')
VALUE_BEGUN = re.compile(r'faults\(\)\.value\(Fault\.\w+,.*,\s*$')


def fault_only_lines(path):
    """Line numbers (1-based) that run only when a fault is injected."""
    text = open(path, encoding='utf-8').read()
    lines = set()
    for m in GUARD.finditer(text):
        start = text.count('\n', 0, m.start()) + 1
        brace = text.find('{', m.end())
        semicolon = text.find(';', m.end())
        if brace < 0 or 0 <= semicolon < brace:  # no block: the guarded statement ends at the ';'
            lines.update(range(start, text.count('\n', 0, semicolon) + 2))
            continue
        depth, i = 0, brace
        while i < len(text):
            if text[i] == '{':
                depth += 1
            elif text[i] == '}':
                depth -= 1
                if depth == 0:
                    break
            i += 1
        end = text.count('\n', 0, i) + 1
        lines.update(range(start, end + 1))
    for m in ASSIGNED.finditer(text):
        start = text.count('\n', 0, m.start()) + 1
        lines.update(range(start, text.count('\n', 0, text.find(';', m.end())) + 2))
    rows = text.split('\n')
    for number, row in enumerate(rows, 1):
        if LEDGER_FREE.match(row) or PURE_SWITCH.match(row):
            lines.add(number)
    for number in range(1, len(rows)):
        if VALUE_BEGUN.search(rows[number - 1]) and rows[number].strip().endswith(');'):
            lines.add(number + 1)
    return lines


def main(argv):
    global SOURCES
    if '--sources' in argv:
        SOURCES = argv.pop(argv.index('--sources') + 1)
        argv.remove('--sources')
    report = next((a for a in argv if not a.startswith('--')),
                  os.path.join(ROOT, 'reference-impl', 'target', 'pit-reports', 'mutations.csv'))
    cache = {}
    counted = collections.defaultdict(collections.Counter)
    left_out = collections.Counter()
    survivors = collections.defaultdict(list)
    for row in csv.reader(open(report, encoding='utf-8')):
        if len(row) < 6:
            continue
        source_file, cls, mutator, method, line, status = row[:6]
        top = cls.split('$')[0]
        path = os.path.join(SOURCES, *top.split('.')[:-1], source_file)
        if path not in cache:
            cache[path] = fault_only_lines(path) if os.path.exists(path) else set()
        pkg = top.rsplit('.', 1)[0]
        if int(line) in cache[path]:
            left_out[pkg] += 1
            continue
        counted[pkg]['KILLED' if status in KILLED else status] += 1
        if status not in KILLED:
            survivors[top].append((int(line), method, mutator.rsplit('.', 1)[-1], status))
    print('| package | mutants | fault-only, left out | killed | survived | no coverage | score |')
    print('|---|---|---|---|---|---|---|')
    total = collections.Counter()
    for pkg in sorted(counted):
        c = counted[pkg]
        n = sum(c.values())
        total.update(c)
        print(f"| {pkg} | {n} | {left_out[pkg]} | {c['KILLED']} | {c['SURVIVED']} | {c['NO_COVERAGE']} |"
              f" {100 * c['KILLED'] / n:.1f}% |")
    models = collections.Counter()
    for pkg in counted:
        if not pkg.endswith('.spdm'):
            models.update(counted[pkg])
    m = sum(models.values())
    if m:
        print(f"| device and host models (all but spdm) | {m} | - | {models['KILLED']} | {models['SURVIVED']} |"
              f" {models['NO_COVERAGE']} | {100 * models['KILLED'] / m:.1f}% |")
    n = sum(total.values())
    print(f"| all | {n} | {sum(left_out.values())} | {total['KILLED']} | {total['SURVIVED']} |"
          f" {total['NO_COVERAGE']} | {100 * total['KILLED'] / n:.1f}% |")
    if '--survivors' in argv:
        for cls in sorted(survivors):
            print(f"\n{cls}")
            for line, method, mutator, status in sorted(survivors[cls]):
                print(f"  {line:5} {method:32} {mutator:40} {status}")


if __name__ == '__main__':
    main(sys.argv[1:])
