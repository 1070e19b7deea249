#!/usr/bin/env python3
"""Turns inline fully-qualified class names in Java code into imports (docs/development.md, "Size and form").

Usage: scripts/fqn-to-imports.py FILE.java...   (rewrites the files in place; prints what it left and why)

A name is left inline when importing it would clash: the file already imports or declares that simple name, or a
class of that name sits in the file's own package. Comments and string literals are not touched.
"""
import os
import re
import sys

FQN = re.compile(r'(?<![\w.])((?:java|javax|javafx|com|org|dev|picocli|ch|net)\.(?:[a-z_][a-z0-9_]*\.)+)([A-Z]\w*)')


def code_mask(src):
    """Same length as src, with comments and string/char literals blanked, so matches are in code only."""
    out = list(src)
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith('//', i):
            j = src.find('\n', i)
            j = n if j < 0 else j
            for k in range(i, j):
                out[k] = ' '
            i = j
        elif src.startswith('/*', i):
            j = src.find('*/', i + 2)
            j = n if j < 0 else j + 2
            for k in range(i, j):
                if out[k] != '\n':
                    out[k] = ' '
            i = j
        elif src.startswith('"""', i):
            j = src.find('"""', i + 3)
            j = n if j < 0 else j + 3
            for k in range(i, j):
                if out[k] != '\n':
                    out[k] = ' '
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == '\\' else 1
            for k in range(i, min(j + 1, n)):
                out[k] = ' '
            i = j + 1
        else:
            i += 1
    return ''.join(out)


def process(path):
    src = open(path, encoding='utf-8').read()
    mask = code_mask(src)
    pkg_m = re.search(r'^package ([\w.]+);', src, re.M)
    pkg = pkg_m.group(1) if pkg_m else ''
    pkg_dir = os.path.dirname(path)
    imports = re.findall(r'^import (?!static )([\w.]+);', src, re.M)
    imported = {i.rsplit('.', 1)[1]: i for i in imports}
    declared = set(re.findall(r'\b(?:class|interface|enum|record)\s+([A-Z]\w*)', mask))
    edits, adds, left = [], set(), set()
    for m in FQN.finditer(mask):
        line_start = mask.rfind('\n', 0, m.start()) + 1
        line = mask[line_start:mask.find('\n', m.start())]
        if line.lstrip().startswith(('import ', 'package ')):
            continue
        qual, simple = m.group(1)[:-1], m.group(2)
        full = qual + '.' + simple
        if qual == 'java.lang':
            ok = simple not in declared and simple not in imported \
                and not os.path.exists(os.path.join(pkg_dir, simple + '.java'))
        elif imported.get(simple) == full:
            ok = True
        elif qual == pkg:
            ok = simple not in imported
        else:
            ok = simple not in imported and simple not in declared \
                and not os.path.exists(os.path.join(pkg_dir, simple + '.java')) \
                and not (simple in {'Override', 'Deprecated', 'String', 'Object', 'Integer', 'Long', 'Boolean',
                                    'Double', 'Math', 'System', 'Thread', 'Exception', 'Error', 'Record', 'Module',
                                    'Process', 'Runtime', 'Character', 'Byte', 'Short', 'Float', 'Number',
                                    'Iterable', 'Class', 'Void', 'Enum', 'Runnable', 'Comparable'})
            if ok:
                imported[simple] = full
                adds.add(full)
        if ok:
            edits.append((m.start(), m.start() + len(m.group(1))))
        else:
            left.add(full)
    if not edits:
        return left
    out = src
    for a, b in sorted(edits, reverse=True):
        out = out[:a] + out[b:]
    if adds:
        out = add_imports(out, sorted(adds))
    open(path, 'w', encoding='utf-8').write(out)
    return left


def add_imports(src, names):
    lines = src.split('\n')
    for name in names:
        line = 'import %s;' % name
        is_java = name.startswith(('java.', 'javax.'))
        group = [i for i, l in enumerate(lines) if l.startswith('import ') and not l.startswith('import static ')
                 and l.startswith(('import java.', 'import javax.')) == is_java]
        if group:
            pos = next((i for i in group if lines[i] > line), group[-1] + 1)
            lines.insert(pos, line)
            continue
        any_imports = [i for i, l in enumerate(lines) if l.startswith('import ')]
        if any_imports:
            if is_java:   # java group goes after the others
                last = any_imports[-1]
                lines[last + 1:last + 1] = ['', line]
            else:
                first = [i for i in any_imports if not lines[i].startswith('import static ')]
                at = first[0] if first else any_imports[-1] + 2
                lines[at:at] = [line, ''] if first else ['', line]
        else:
            p = next(i for i, l in enumerate(lines) if l.startswith('package '))
            lines[p + 1:p + 1] = ['', line]
    return '\n'.join(lines)


if __name__ == '__main__':
    for f in sys.argv[1:]:
        for name in sorted(process(f)):
            print('%s: left %s inline (its simple name is taken)' % (f, name))
