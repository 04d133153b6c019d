#!/usr/bin/env python3
"""Prints a certification report's rules as a Markdown table: status, cases, and for a rule that did
not pass, its first failed (else blocked) case's subject, expected and actual, or why it was not
observed. Used for tools/spdm-emu/device-kit-vs-spdm-emu.md:

    python3 tools/spdm-emu/report-table.py <report-dir>/certification-report.json
"""
import json
import sys


def essentials(message):
    lines = [l.strip() for l in message.splitlines()
             if l.strip().startswith(('subject:', 'expected:', 'actual:'))]
    text = '; '.join(' '.join(l.split()) for l in lines) if lines else ' '.join(message.split())
    return text.replace('|', '\\|')[:400]


def main(path):
    report = json.load(open(path))
    print('| rule | status | cases (passed / failed / not tested / n.a.) | what was observed, or what blocked it |')
    print('|---|---|---|---|')
    for rule in report['rules']:
        counts = {s: sum(1 for t in rule['tests'] if t['status'] == s)
                  for s in ('PASSED', 'FAILED', 'NOT_TESTED', 'NOT_APPLICABLE')}
        shown = next((t for t in rule['tests'] if t['status'] == 'FAILED'), None) \
            or next((t for t in rule['tests'] if t['status'] == 'NOT_TESTED'), None)
        why = essentials(shown['message']) if shown else '; '.join(rule['reasons'])[:200] if rule['status'] != 'PASSED' else ''
        print('| %s | %s | %d / %d / %d / %d | %s |' % (rule['id'], rule['status'], counts['PASSED'],
              counts['FAILED'], counts['NOT_TESTED'], counts['NOT_APPLICABLE'], why))


if __name__ == '__main__':
    main(sys.argv[1])
