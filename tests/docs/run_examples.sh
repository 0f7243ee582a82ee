#!/usr/bin/env bash
# Runs the examples of one Markdown file (README.md, docs/*.md) and checks
# their output, so the documentation cannot drift from the binary.
#   run_examples.sh QUALIFY_BINARY SOURCE_DIR DOC_FILE WORK_DIR
# With QUALIFY_BLESS=1 the outputs that differ are written back into DOC_FILE
# instead (then review them by hand, like the golden files).
#
# The convention (docs/README.md says the same for writers):
#
# ```sh        A transcript. A line starting with `$ ` is a command; a command
#              line ending in `\` continues on the next line. The lines after a
#              command, up to the next `$ ` or the closing fence, are its
#              expected output: stdout and stderr together, as a terminal shows
#              them, then `[exit N]` when the exit code N is not 0. Compared
#              line by line, exactly, except:
#                - a line that is just `...` matches any number of lines (0+);
#                - `...` inside a line matches any text within that line.
#              Commands run with bash, one after another, from a scratch
#              directory that mirrors the source root (its top-level entries
#              are symlinks, so `rulebooks/x.qual` works and `> out.jsonl`
#              stays out of the repository), with `qualify` on PATH, LC_ALL=C
#              and TZ=UTC. Write `--as-of 2026-11-23` wherever output depends
#              on the date.
# ```sh-noexec Shown, never run: only for what cannot run in a test
#              (installing packages, building).
# ```text      Not an example (a directory layout, a format sketch).
# ```jsonl     Lead records, run through
#                qualify score --as-of 2026-11-23 RULEBOOK
#              where RULEBOOK comes from the last `<!-- rulebook: PATH -->`
#              comment above it. Each record must give a decision, unless an
#              `<!-- expect: … -->` comment just before the block says
#              otherwise, with one line per record (or one line for all):
#                decision | route NAME | error: MESSAGE
#              (MESSAGE is the error record's "error", unescaped, exactly).
# <!-- file: PATH -->
#              before a block of any language: the block is written to PATH
#              in the scratch directory and not run itself (e.g. a model file
#              and a rulebook that later `sh` blocks check and score).
# <!-- excerpt-of: PATH -->
#              before a block of any language: the block, with runs of
#              whitespace collapsed, must occur in PATH (a repository file or
#              one written by `file:`), so quoted snippets stay true.
# Any other fenced block fails the test: every example is run or marked.
set -u
qualify=$1
root=$2
doc=$3
work=$4
as_of=2026-11-23
bless=${QUALIFY_BLESS:-0}

rm -rf "$work"
mkdir -p "$work/bin" "$work/scratch"
ln -s "$qualify" "$work/bin/qualify"
for entry in "$root"/* "$root"/.[!.]*; do
    [ -e "$entry" ] || continue
    case ${entry##*/} in .git | build | build-*) continue ;; esac
    ln -s "$entry" "$work/scratch/${entry##*/}"
done
export PATH="$work/bin:$PATH" LC_ALL=C TZ=UTC
scratch=$work/scratch
docname=${doc#"$root"/}

mapfile -t lines <"$doc"
out_doc=()       # the document as blessed
failures=0
examples=0
rulebook=""
directive_file=""
directive_excerpt=""
expectations=()

fail() {  # fail LINE MESSAGE
    echo "FAIL $docname:$1: $2"
    failures=$((failures + 1))
}

# match_output EXPECTED_FILE ACTUAL_FILE: exit 0 when they match (see above).
match_output() {
    awk '
    function line_ok(e, a,    n, parts, i, pos, p) {
        if (index(e, "...") == 0) return e == a
        n = split(e, parts, /\.\.\./)
        if (substr(a, 1, length(parts[1])) != parts[1]) return 0
        pos = length(parts[1]) + 1
        for (i = 2; i < n; i++) {
            p = index(substr(a, pos), parts[i])
            if (p == 0) return 0
            pos += p - 1 + length(parts[i])
        }
        return length(a) - pos + 1 >= length(parts[n]) &&
               substr(a, length(a) - length(parts[n]) + 1) == parts[n]
    }
    function m(i, j,    k) {
        if (i > ne) return j > na
        if (E[i] == "...") {
            for (k = j; k <= na + 1; k++) if (m(i + 1, k)) return 1
            return 0
        }
        return j <= na && line_ok(E[i], A[j]) && m(i + 1, j + 1)
    }
    FNR == NR { E[++ne] = $0; next }
    { A[++na] = $0 }
    END { exit m(1, 1) ? 0 : 1 }' "$1" "$2"
}

collapse() { tr -s ' \t\n' '   ' | sed 's/^ //; s/ $//'; }

# run_sh FIRST_LINE_NUMBER BODY_LINES...: runs a transcript; appends the
# (possibly blessed) body to out_doc.
run_sh() {
    local start=$1
    shift
    local body=("$@") n=${#body[@]} i=0
    while ((i < n)); do
        local line=${body[i]}
        if [[ $line != '$ '* ]]; then
            fail $((start + i)) "a line outside any command's output: '$line' (commands start with '\$ ')"
            out_doc+=("$indent$line")
            i=$((i + 1))
            continue
        fi
        local cmd_first=$((start + i)) cmd=${line#'$ '} shown=("$line")
        while [[ ${body[i]} == *'\' ]] && ((i + 1 < n)); do
            i=$((i + 1))
            cmd+=$'\n'${body[i]}
            shown+=("${body[i]}")
        done
        i=$((i + 1))
        local expected=()
        while ((i < n)) && [[ ${body[i]} != '$ '* ]]; do
            expected+=("${body[i]}")
            i=$((i + 1))
        done
        examples=$((examples + 1))
        (cd "$scratch" && bash -c "$cmd") >"$work/actual" 2>&1 </dev/null
        local rc=$?
        ((rc != 0)) && echo "[exit $rc]" >>"$work/actual"
        if ((${#expected[@]})); then printf '%s\n' "${expected[@]}"; fi >"$work/expected"
        out_doc+=("${shown[@]/#/$indent}")
        if match_output "$work/expected" "$work/actual"; then
            out_doc+=("${expected[@]/#/$indent}")
        elif [ "$bless" = 1 ]; then
            mapfile -t got <"$work/actual"
            out_doc+=("${got[@]/#/$indent}")
            echo "blessed $docname:$cmd_first: \$ $cmd"
        else
            fail "$cmd_first" "\$ $cmd"
            grep -qF -- '...' "$work/expected" &&
                echo "    (a line '...' in the expected output matches any lines; '...' in a line, any text)"
            diff -u --label "expected ($docname:$((cmd_first + ${#shown[@]})))" --label actual \
                "$work/expected" "$work/actual" | sed 's/^/    /'
        fi
    done
}

# run_jsonl FIRST_LINE_NUMBER BODY_LINES...
run_jsonl() {
    local start=$1
    shift
    examples=$((examples + 1))
    if [ -z "$rulebook" ]; then
        fail "$start" "a jsonl block needs a <!-- rulebook: PATH --> comment above it"
        return
    fi
    printf '%s\n' "$@" >"$work/leads.jsonl"
    (cd "$scratch" && qualify score --as-of "$as_of" "$rulebook" "$work/leads.jsonl") \
        >"$work/decisions" 2>"$work/stderr"
    mapfile -t got <"$work/decisions"
    local want=("${expectations[@]}")
    ((${#want[@]} == 0)) && want=(decision)
    if ((${#want[@]} == 1 && ${#got[@]} > 1)); then
        local one=${want[0]} k
        want=()
        for ((k = 0; k < ${#got[@]}; k++)); do want+=("$one"); done
    fi
    if ((${#want[@]} != ${#got[@]})); then
        fail "$start" "${#want[@]} expectations for ${#got[@]} records (qualify score printed:)"
        sed 's/^/    /' "$work/decisions" "$work/stderr"
        return
    fi
    local k
    for ((k = 0; k < ${#got[@]}; k++)); do
        local rec=${got[k]} exp=${want[k]} actual
        if [[ $rec =~ ^\{\"id\":(null|\"[^\"]*\"),\"line\":[0-9]+,\"error\":\"(.*)\"\}$ ]]; then
            actual="error: $(printf '%s' "${BASH_REMATCH[2]}" | sed 's/\\"/"/g; s/\\\\/\\/g')"
        elif [[ $rec =~ \"route\":\"([^\"]*)\" ]]; then
            if [[ $exp == route\ * ]]; then actual="route ${BASH_REMATCH[1]}"; else actual=decision; fi
        else
            actual="unreadable output: $rec"
        fi
        if [ "$actual" != "$exp" ]; then
            fail "$start" "record $((k + 1)) of the jsonl block (rulebook $rulebook)"
            echo "    expected: $exp"
            echo "    actual:   $actual"
        fi
    done
}

i=0
n=${#lines[@]}
while ((i < n)); do
    line=${lines[i]}
    # Directives: <!-- key: value --> on one line; expect: may span lines.
    if [[ $line =~ ^\<!--\ (rulebook|file|excerpt-of):\ *([^ ]+)\ *--\>$ ]]; then
        case ${BASH_REMATCH[1]} in
        rulebook) rulebook=${BASH_REMATCH[2]} ;;
        file) directive_file=${BASH_REMATCH[2]} ;;
        excerpt-of) directive_excerpt=${BASH_REMATCH[2]} ;;
        esac
        out_doc+=("$line")
        i=$((i + 1))
        continue
    fi
    if [[ $line == '<!-- expect:'* ]]; then
        expectations=()
        rest=${line#'<!-- expect:'}
        while :; do
            done_=0
            [[ $rest == *'-->' ]] && { rest=${rest%'-->'}; done_=1; }
            rest=${rest#"${rest%%[![:space:]]*}"}
            rest=${rest%"${rest##*[![:space:]]}"}
            [ -n "$rest" ] && expectations+=("$rest")
            out_doc+=("${lines[i]}")
            i=$((i + 1))
            ((done_ || i >= n)) && break
            rest=${lines[i]}
        done
        continue
    fi
    if [[ $line =~ ^([[:space:]]*)\`\`\`(.*)$ ]]; then
        indent=${BASH_REMATCH[1]}
        info=${BASH_REMATCH[2]}
        start=$((i + 1))
        out_doc+=("$line")
        i=$((i + 1))
        body=()
        while ((i < n)) && [[ ${lines[i]} != "$indent"'```' ]]; do
            body+=("${lines[i]#"$indent"}")
            i=$((i + 1))
        done
        closing=${lines[i]:-}
        i=$((i + 1))
        handled=0
        if [ -n "$directive_file" ]; then
            mkdir -p "$(dirname "$scratch/$directive_file")"
            printf '%s\n' "${body[@]}" >"$scratch/$directive_file"
            handled=1
        fi
        if [ -n "$directive_excerpt" ]; then
            examples=$((examples + 1))
            if [ ! -f "$scratch/$directive_excerpt" ]; then
                fail "$start" "excerpt-of: no file $directive_excerpt"
            elif ! collapse <"$scratch/$directive_excerpt" | grep -qF -- "$(printf '%s\n' "${body[@]}" | collapse)"; then
                fail "$start" "this block is not an excerpt of $directive_excerpt (whitespace aside)"
            fi
            handled=1
        fi
        [ -n "$directive_file" ] && info=file  # written; the commands that use it check it
        case $info in
        sh) run_sh "$((start + 1))" "${body[@]}" ;;
        jsonl) run_jsonl "$((start + 1))" "${body[@]}"; out_doc+=("${body[@]/#/$indent}") ;;
        sh-noexec | text | file) out_doc+=("${body[@]/#/$indent}") ;;
        *)
            ((handled)) || { examples=$((examples + 1)); fail "$start" "a \`\`\`$info block that is neither run nor marked (sh, jsonl, file:, excerpt-of:, sh-noexec, text)"; }
            out_doc+=("${body[@]/#/$indent}")
            ;;
        esac
        out_doc+=("$closing")
        directive_file=""
        directive_excerpt=""
        expectations=()
        continue
    fi
    out_doc+=("$line")
    i=$((i + 1))
done

if [ "$bless" = 1 ]; then
    printf '%s\n' "${out_doc[@]}" >"$doc"
fi
if ((failures)); then
    echo "$docname: $failures of $examples examples failed"
    exit 1
fi
echo "$docname: $examples examples ok"
