#!/bin/sh
# The station rule (SPEC 7, firstline(1) "report cohort"): each station must
# pass on its own (its rubric's pass mark, in marks, and no critical item
# missed) and the component's figure must reach the exam's pass mark for it.
# The note names the rule that failed, the station and its numbers, also
# when the component's figure is well above its mark.
. "$(dirname "$0")/lib.sh"

G="$TESTDATA/good"
rubric() {	# rubric ID KIND MAX PASS: items safety (critical, 10) and rest
	cat > "$TMP/$1.xml" <<EOR
<?xml version="1.0" encoding="UTF-8"?>
<rubric id="$1" kind="$2" max="$3" pass="$4">
  <title xml:lang="zh-CN">考站 $1</title>
  <title xml:lang="en">Station $1</title>
  <item id="safety" max="10" critical="true">
    <label xml:lang="zh-CN">确认现场安全</label>
    <label xml:lang="en">Checks the scene is safe</label>
  </item>
  <item id="rest" max="$(($3 - 10))">
    <label xml:lang="zh-CN">其余步骤</label>
    <label xml:lang="en">The other steps</label>
  </item>
  <source>test</source>
</rubric>
EOR
}
rubric st-cpr practical 100 60
rubric st-bleed practical 100 60
rubric sim-fire simulation 100 60
cat > "$TMP/exam.xml" <<'EOX'
<?xml version="1.0" encoding="UTF-8"?>
<exam id="rules-exam">
  <title xml:lang="zh-CN">规则考试</title>
  <title xml:lang="en">Rules exam</title>
  <written minutes="10" pass="60">
    <draw module="mini" difficulty="1" count="2"/>
  </written>
  <practical pass="60">
    <station rubric="st-cpr"/>
    <station rubric="st-bleed"/>
  </practical>
  <simulation pass="50">
    <scenario rubric="sim-fire"/>
  </simulation>
  <weights written="40" practical="40" simulation="20"/>
  <rules/>
</exam>
EOX
fl init >/dev/null
fl bank load "$G/mini-bank.xml" "$TMP/st-cpr.xml" "$TMP/st-bleed.xml" \
    "$TMP/sim-fire.xml" "$TMP/exam.xml"
expect_rc 0 "the rules exam loads"
fl cohort create "规则" --exam rules-exam --id r1 >/dev/null
printf 'name,community\n甲,东关\n乙,西关\n丙,南关\n丁,北关\n' > "$TMP/r.csv"
fl roster import r1 "$TMP/r.csv"
roster=$(printf '%s\n' "$OUT" | tr -d '\r')
tk() { printf '%s\n' "$roster" | awk -F, -v n="$1" '$2 == n { print $1 }'; }
A=$(tk 甲) B=$(tk 乙) C=$(tk 丙) D=$(tk 丁)
echo "organizer-pw" > "$TMP/org.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw"
s() { fl score set r1 "$@" --by boss --password-file "$TMP/org.pw"
      [ "$RC" -eq 0 ] || printf '# %s\n' "$ERR"; }

# A: written 85.0, practical (59 + 100) / 200 = 79.5 well above 60, but
# st-cpr 59/100 is below its own pass mark 60: fail, and the note says so.
s "$A" written 85 --reason "paper sitting"
s "$A" st-cpr safety=10 rest=49
s "$A" st-bleed safety=10 rest=90
s "$A" sim-fire safety=10 rest=90
# B: simulation 56/100 reaches the exam's simulation mark 50 but not the
# rubric's pass mark 60.
s "$B" written 85 --reason "paper sitting"
s "$B" st-cpr safety=10 rest=90
s "$B" st-bleed safety=10 rest=90
s "$B" sim-fire safety=10 rest=46
# C: a critical item missed at st-bleed, and the written test below 60.
s "$C" written 55 --reason "paper sitting"
s "$C" st-cpr safety=10 rest=90
s "$C" st-bleed safety=0 rest=90
s "$C" sim-fire safety=10 rest=90
# D: both stations pass on their own (60 and 60): 60.0 is a pass.
s "$D" written 60 --reason "paper sitting"
s "$D" st-cpr safety=10 rest=50
s "$D" st-bleed safety=10 rest=50
s "$D" sim-fire safety=10 rest=50

fl report cohort r1 --format csv
csv=$(printf '%s\n' "$OUT" | tr -d '\r')
has "$A,甲,东关,other,85.0,79.5,100.0,85.8,fail,no,\"st-cpr 59/100, below its pass mark 60\"" \
    "$csv" "a station below its pass mark fails the component, and the note names it"
has "$B,乙,西关,other,85.0,100.0,56.0,85.2,fail,no,\"sim-fire 56/100, below its pass mark 60\"" \
    "$csv" "56/100 above the exam's simulation mark 50 still fails the rubric's 60"
has "$C,丙,南关,other,55.0,95.0,100.0,80.0,fail,no,\"written 55.0, below 60; st-bleed: a critical item missed\"" \
    "$csv" "every reason is named, the component's figure and the station"
has "$D,丁,北关,other,60.0,60.0,60.0,60.0,pass,no,total below 90" \
    "$csv" "stations exactly at their pass marks pass"
printf '%s\n' "$csv" | grep -q "practical below"
[ $? -ne 0 ]; ok $? "no note says a component is below its mark when its figure is not"

fl report cohort r1
has "st-cpr 59/100, below its pass mark 60" "$OUT" "the text report carries the same note"
LANGUAGE=zh_CN fl report cohort r1
has "st-cpr 59/100" "$OUT" "and the Chinese one names the station and its marks"

fl rubric list --format csv
has "st-cpr,practical,Station st-cpr,100,60,2,1,60.0" "$(printf '%s' "$OUT" | tr -d '\r')" \
    "rubric list: pass in marks, then pass_percent"

done_testing
