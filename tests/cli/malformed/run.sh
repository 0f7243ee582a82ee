#!/usr/bin/env bash
# Malformed records: a JSON Lines file with many kinds of bad records
# interleaved with good ones. Checks that leads in = decisions out + error
# records out, that each error record names its line, that the count on
# stderr and the exit code (1) are right, and that -j 2 and -j 4 print the
# same bytes as -j 1.
#   run.sh QUALIFY_BINARY WORK_DIR
set -u
qualify=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
leads=$work/leads.jsonl
kinds=$work/kinds.txt   # "LINE good|bad|any DESCRIPTION" for each non-blank line
# (any: either a decision or an error record is right)
: >"$leads"
: >"$kinds"
line=0

# add KIND DESCRIPTION TEXT: appends one record (TEXT is written as is, with
# printf %s, so it may hold any bytes but a newline).
add() {
    line=$((line + 1))
    printf '%s\n' "$3" >>"$leads"
    printf '%d %s %s\n' "$line" "$1" "$2" >>"$kinds"
}
blank() {
    line=$((line + 1))
    printf '%s\n' "$1" >>"$leads"
}
# add_format KIND DESCRIPTION FORMAT ARG: like add, but the record is
# printf FORMAT ARG, for bytes a shell string cannot hold (NUL).
add_format() {
    line=$((line + 1))
    # shellcheck disable=SC2059
    printf "$3\n" "$4" >>"$leads"
    printf '%d %s %s\n' "$line" "$1" "$2" >>"$kinds"
}
good() { add good "$@"; }
bad() { add bad "$@"; }

base='"email":"jo@acme.com","source":"inbound_form"'
good 'complete lead' '{"id":"g1",'"$base"',"company":{"employees":800,"tech_stack":["hubspot","jira"]},"contact":{"seniority":"vp"},"crm":{"is_customer":false},"intent":{"score":72.5},"signup":{"date":"2026-11-01"}}'
bad 'not JSON at all' 'hello, world'
bad 'truncated object' '{"id":"b2",'"$base"
bad 'array instead of object' '[{"id":"b3"}]'
bad 'string instead of object' '"just a string"'
bad 'number instead of object' '42'
bad 'null instead of object' 'null'
bad 'true instead of object' 'true'
blank ''
good 'only required fields' '{"id":"g2",'"$base"'}'
bad 'empty object' '{}'
bad 'missing id' '{'"$base"'}'
bad 'id is null' '{"id":null,'"$base"'}'
bad 'id is an object' '{"id":{"v":1},'"$base"'}'
bad 'id is an unknown value' '{"id":"N/A",'"$base"'}'
bad 'missing required email' '{"id":"b6","source":"partner"}'
bad 'missing required enum' '{"id":"b7","email":"a@b.com"}'
bad 'unknown enum value' '{"id":"b8","email":"a@b.com","source":"carrier_pigeon"}'
bad 'optional enum: unknown value' '{"id":"b9",'"$base"',"contact":{"seniority":"intern"}}'
blank '   '
good 'unknown keys are ignored' '{"id":"g3",'"$base"',"favourite_colour":"teal","company":{"employees":50,"founded":1999}}'
bad 'int field: text that is not a number' '{"id":"b10",'"$base"',"company":{"employees":"lots"}}'
bad 'int field: fraction' '{"id":"b11",'"$base"',"company":{"employees":12.5}}'
bad 'int field: overflowing number' '{"id":"b12",'"$base"',"company":{"employees":99999999999999999999999999}}'
bad 'int field: boolean' '{"id":"b13",'"$base"',"company":{"employees":true}}'
bad 'int field: object' '{"id":"b14",'"$base"',"company":{"employees":{"n":5}}}'
bad 'decimal field: overflowing number' '{"id":"b15",'"$base"',"intent":{"score":1e300}}'
bad 'decimal field: text that is not a number' '{"id":"b16",'"$base"',"intent":{"score":"high"}}'
good 'numbers as strings, unknown values' '{"id":"g4",'"$base"',"company":{"employees":"1200","tech_stack":null},"intent":{"score":"N/A"},"crm":{"is_customer":"N/A"}}'
bad 'bool field: text' '{"id":"b17",'"$base"',"crm":{"is_customer":"maybe"}}'
bad 'bool field: array' '{"id":"b18",'"$base"',"crm":{"is_customer":[true]}}'
bad 'list field: number' '{"id":"b19",'"$base"',"company":{"tech_stack":5}}'
bad 'list field: element is an object' '{"id":"b20",'"$base"',"company":{"tech_stack":["hubspot",{"x":1}]}}'
bad 'date field: impossible date' '{"id":"b21",'"$base"',"signup":{"date":"2026-02-30"}}'
bad 'date field: not a date' '{"id":"b22",'"$base"',"signup":{"date":"yesterday"}}'
# The spec does not say whether a scalar under a key that only prefixes
# schema fields is an ignored key or a wrong type; either is accepted here.
add any 'scalar where the schema has an object' '{"id":"b23",'"$base"',"company":"acme"}'
bad 'both nested and dotted key' '{"id":"b24",'"$base"',"company":{"employees":5},"company.employees":6}'
good 'dotted keys only' '{"id":"g5","email":"x@y.io","source":"partner","company.employees":300,"contact.seniority":"cxo"}'
bad 'invalid UTF-8 in a value' $'{"id":"b25\xff\xfe",'"$base"'}'
bad 'invalid UTF-8 in a key' $'{"id":"b26",'"$base"$',"comp\xc3any":1}'
bad 'truncated UTF-8 sequence' $'{"id":"b27","email":"\xe2\x82",'"$base"'}'
bad 'overlong UTF-8 encoding' $'{"id":"b28\xc0\xaf",'"$base"'}'
bad 'lone surrogate escape' '{"id":"b29\ud800",'"$base"'}'
bad 'invalid escape' '{"id":"b30\q",'"$base"'}'
bad 'raw control character in a string' $'{"id":"b31\x01",'"$base"'}'
add_format bad 'NUL byte inside a string' '{"id":"b32\000x",%s}' "$base"
add_format bad 'NUL byte after the object' '{"id":"b32",%s}\000' "$base"
bad 'trailing garbage after the object' '{"id":"b33",'"$base"'} trailing'
bad 'two objects on one line' '{"id":"b34",'"$base"'}{"id":"b35",'"$base"'}'
bad 'NaN literal' '{"id":"b36",'"$base"',"intent":{"score":NaN}}'
bad 'Infinity literal' '{"id":"b37",'"$base"',"intent":{"score":Infinity}}'
bad 'number with leading zero' '{"id":"b38",'"$base"',"company":{"employees":0123}}'
bad 'hexadecimal number' '{"id":"b39",'"$base"',"company":{"employees":0x10}}'
bad 'single-quoted strings' "{'id':'b40','email':'a@b.com','source':'partner'}"
bad 'comment inside JSON' '{"id":"b41", /* note */ '"$base"'}'
bad 'trailing comma' '{"id":"b42",'"$base"',}'
bad 'missing colon' '{"id" "b43",'"$base"'}'
bad 'deep nesting (100000 levels)' '{"id":"b44",'"$base"',"x":'"$(printf '%*s' 100000 '' | tr ' ' '[')$(printf '%*s' 100000 '' | tr ' ' ']')"'}'
bad 'deep nesting of objects' '{"id":"b45",'"$base"',"x":'"$(printf '%*s' 50000 '' | sed 's/ /{"a":/g')1$(printf '%*s' 50000 '' | tr ' ' '}')"'}'
bad '2 MiB line of garbage' "$(head -c 2097152 /dev/zero | tr '\0' 'z')"
bad '2 MiB unterminated string' '{"id":"b46","email":"'"$(head -c 2097152 /dev/zero | tr '\0' 'a')"
good 'CRLF line ending' $'{"id":"g6",'"$base"$'}\r'
blank $'\t\r'
good 'unicode escapes and non-ASCII text' '{"id":"g7-\u00e9t\u00e9","email":"zoë@example.com","source":"event"}'
good 'whitespace around tokens' '  { "id" : "g8" , "email" : "a@b.co" , "source" : "partner" }  '
good 'disqualified lead' '{"id":"g9",'"$base"',"crm":{"is_customer":true}}'
bad 'valid JSON but over the 1 MiB record limit' '{"id":"b47",'"$base"',"notes":"'"$(head -c 2097152 /dev/zero | tr '\0' 'n')"'"}'
good 'big but valid line (900 KiB of ignored text)' '{"id":"g10",'"$base"',"notes":"'"$(head -c 921600 /dev/zero | tr '\0' 'n')"'"}'
good 'last record' '{"id":"g11",'"$base"',"company":{"employees":15000}}'

fail=0
problem() { echo "FAIL: $*"; fail=1; }

records=$(wc -l <"$kinds")
n_bad=$(grep -c ' bad ' "$kinds")
n_good=$(grep -c ' good ' "$kinds")
echo "$records records ($n_good good, $n_bad bad, $((records - n_good - n_bad)) either), $line lines"
[ "$n_bad" -ge 30 ] || problem "fewer than 30 kinds of bad record"

"$qualify" score --as-of 2026-11-23 "$here/rulebook.qual" "$leads" >"$work/out1" 2>"$work/err1"
rc=$?
[ "$rc" -eq 1 ] || problem "exit code $rc, expected 1"
out_lines=$(wc -l <"$work/out1")
[ "$out_lines" -eq "$records" ] || problem "$out_lines output lines for $records records"
# Records of kind `any` count as whatever the output made of them.
n_errors=$(grep -c '^{"id":[^,]*,"line":[0-9]*,"error":' "$work/out1")
[ "$n_errors" -ge "$n_bad" ] || problem "$n_errors error records for $n_bad bad records"
expected_err="$records leads: $((records - n_errors)) decisions, $n_errors errors"
grep -qxF "$expected_err" "$work/err1" || problem "stderr is '$(tail -n1 "$work/err1")', expected '$expected_err'"

# Output line k belongs to the k-th record: an error record must carry that
# record's line number; a good record must be a decision.
k=0
while read -r number kind description; do
    k=$((k + 1))
    out=$(sed -n "${k}p" "$work/out1" | head -c 400)
    case $kind in
    bad)
        if ! printf '%s' "$out" | grep -Eq '^\{"id":(null|"[^"]*"),"line":'"$number"',"error":"[^"]+'; then
            problem "line $number ($description): expected an error record for line $number, got: $out"
        fi ;;
    good)
        if ! printf '%s' "$out" | grep -q '"route":"'; then
            problem "line $number ($description): expected a decision, got: $out"
        fi ;;
    any)
        if ! printf '%s' "$out" | grep -Eq '"route":"|^\{"id":(null|"[^"]*"),"line":'"$number"',"error":"'; then
            problem "line $number ($description): expected a decision or an error record, got: $out"
        fi ;;
    esac
done <"$kinds"

for j in 2 4; do
    "$qualify" score --as-of 2026-11-23 -j "$j" "$here/rulebook.qual" "$leads" >"$work/out_j$j" 2>"$work/err_j$j"
    rc=$?
    [ "$rc" -eq 1 ] || problem "-j $j: exit code $rc, expected 1"
    cmp -s "$work/out1" "$work/out_j$j" || problem "-j $j output differs from -j 1"
    cmp -s "$work/err1" "$work/err_j$j" || problem "-j $j stderr differs from -j 1"
done

# The same records through stdin give the same output.
"$qualify" score --as-of 2026-11-23 "$here/rulebook.qual" <"$leads" >"$work/out_stdin" 2>/dev/null
cmp -s "$work/out1" "$work/out_stdin" || problem "reading stdin gives different output"

[ "$fail" -eq 0 ] && echo "ok"
exit "$fail"
