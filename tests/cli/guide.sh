#!/bin/sh
# The guide's sample screens and output are the program's own.
#
# 1. Every Chinese text in doc/guide.md's code blocks (the screens of the
#    clients and the output of commands; not the commands) is a text of
#    the program: a msgstr of po/zh_CN.po, a built-in Chinese string of
#    the source, or a text of the shipped course (the checker is the perl
#    below); names and places of the guide's example are data.  A copy of
#    the guide with drifted wording (PIN码 for 密码, 批次 for 培训批次, a
#    comma) is refused, so the check can fail.
# 2. The clients' built-in Chinese (tr(N_("en"), "zh"), T(), trn(), TN())
#    reads as the catalogue's translation of the same message: one term
#    per concept whether or not the catalogue is installed.
# 3. The commands of chapter 1 that need nothing but the shipped course
#    are run as the guide shows them, in the Chinese locale, and every
#    output line the guide shows is a line of the real output.
. "$(dirname "$0")/lib.sh"

SRC=$(cd "$(dirname "$0")/../.." && pwd)
GUIDE="$SRC/doc/guide.md"
PO="$SRC/po/zh_CN.po"
if ! command -v perl >/dev/null 2>&1; then
	echo "1..0 # SKIP perl is not installed"
	exit 0
fi

# The guide's example data: names, places, cohorts and reasons typed.
cat >"$TMP/data" <<'DATA'
王芳
李娜
张伟
林小红
胡佳
罗军
陈静
杨磊
黄晓东
赵敏
五四路社区
东关社区
莲池区第一批
复看录像：按压深度达标，原录入有误
第 12 题答案更正后重新评分
DATA

cat >"$TMP/guide.pl" <<'PERL'
# guide.pl GUIDE PO SRCDIR BANKDIR [DATAWORDS]: every Chinese text of the
# guide's sample screens and sample output must be the program's own: a
# msgstr of the catalogue, a Chinese string of the source (the clients'
# built-in Chinese), or a text of the shipped course (stems, options,
# rubric items, titles).  Prints "LINE: text" for each one that is not,
# and exits 1 if any.
#
# A screen line is cut into pieces at runs of two or more spaces (the
# columns of a screen); each piece with a Han character must be a
# fragment of one such text (wrapping cuts a message anywhere), where
# %s, %d... of the message stand for up to 20 Han characters of data
# (a name, a community, a count's word) or any other characters but
# sentence punctuation, and the message gives at least one Han character
# itself.  Spaces do not count.  Names and places of the guide's
# example (DATAWORDS, one a line) are data.
use strict;
use warnings;
use utf8;
binmode STDOUT, ':encoding(UTF-8)';
binmode STDERR, ':encoding(UTF-8)';

my ($guide, $po, $srcdir, $bankdir, $datawords) = @ARGV;
my $D = "\x{1}";	# a directive of a message: data
my $PUNCT = qr/[，。；：！？、（）“”《》【】]/;

sub slurp {
	my ($f) = @_;
	open(my $fh, '<:encoding(UTF-8)', $f) or die "$f: $!\n";
	local $/;
	my $t = <$fh>;
	close $fh;
	return $t;
}

sub c_unescape {
	my ($s) = @_;
	$s =~ s/\\(["\\n t])/$1 eq 'n' ? "\n" : $1 eq 't' ? "\t" : $1/ge;
	return $s;
}

# A message: directives to $D, spaces out.
sub template {
	my ($s) = @_;
	$s =~ s/%(?:\d+\$)?[-+ #0]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|j|z|t|L)?[diouxXeEfgGcsp]/$D/g;
	$s =~ s/%%/%/g;
	$s =~ s/\s+//g;
	return $s;
}

my @tpl;
# The catalogue's translations, and the English they translate (a line
# of command output in English where the program speaks Chinese).
my @english;
{
	my $t = slurp($po);
	while ($t =~ /^msgid\s+((?:"(?:[^"\\]|\\.)*"\s*)+)(?:msgid_plural\s+((?:"(?:[^"\\]|\\.)*"\s*)+))?msgstr(?:\[0\])?\s+"./mg) {
		my @m = grep { defined } ($1, $2);
		for my $m (@m) {
			my $e = join('', map { c_unescape($_) } ($m =~ /"((?:[^"\\]|\\.)*)"/g));
			$e =~ s/\n$//;
			next if $e =~ /\n/;
			(my $letters = $e) =~ s/%[-+ #0-9.*]*(?:hh|h|ll|l|j|z|t|L)?[a-zA-Z]//g;
			next if ($letters =~ tr/a-zA-Z//) < 12;
			my $re = join('.*?', map { quotemeta }
			    split(/%(?:\d+\$)?[-+ #0]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|j|z|t|L)?[diouxXeEfgGcsp]/, $e, -1));
			$re =~ s/%%/%/g;
			push @english, qr/^$re$/;
		}
	}
	while ($t =~ /^msgstr(?:\[0\])?\s+((?:"(?:[^"\\]|\\.)*"\s*)+)/mg) {
		my $s = join('', map { c_unescape($_) } ($1 =~ /"((?:[^"\\]|\\.)*)"/g));
		push @tpl, template($s) if $s =~ /\p{Han}/;
	}
}
# The Chinese strings of the source (adjacent literals joined).
for my $f (glob("$srcdir/*/*.c")) {
	my $t = slurp($f);
	$t =~ s{/\*.*?\*/}{}gs;
	while ($t =~ /((?:"(?:[^"\\\n]|\\.)*"\s*)+)/g) {
		my $s = join('', map { c_unescape($_) } ($1 =~ /"((?:[^"\\\n]|\\.)*)"/g));
		push @tpl, template($s) if $s =~ /\p{Han}/;
	}
}
# The course's texts.
for my $f (glob("$bankdir/*/*.xml")) {
	my $t = slurp($f);
	while ($t =~ />([^<>]*\p{Han}[^<>]*)</g) {
		my $s = $1;
		$s =~ s/&lt;/</g; $s =~ s/&gt;/>/g; $s =~ s/&quot;/"/g;
		$s =~ s/&apos;/'/g; $s =~ s/&amp;/&/g;
		$s =~ s/\s+//g;
		push @tpl, $s;
	}
}
my %data;
if (defined $datawords) {
	for (split /\n/, slurp($datawords)) {
		s/^\s+|\s+$//g;
		s/\s+//g;
		$data{$_} = 1 if $_ ne '' && !/^#/;
	}
}

# Atoms a directive may stand for: the example's data, short messages
# and course texts, the Han of short messages with directives ("%zu 题").
my %atom = %data;
for my $t (@tpl) {
	(my $h = $t) =~ s/$D//g;
	next if length($h) > 12 || $h =~ $PUNCT;
	$atom{$_} = 1 for grep { /\p{Han}/ } split /$D/, $t;
}

# Index: Han bigram (and single Han) -> templates.
my (%bi, %uni);
for my $i (0 .. $#tpl) {
	my %seen;
	my @c = split //, $tpl[$i];
	for my $j (0 .. $#c) {
		next unless $c[$j] =~ /\p{Han}/;
		push @{$uni{$c[$j]}}, $i unless $seen{$c[$j]}++;
		if ($j < $#c && $c[$j + 1] =~ /\p{Han}/) {
			my $b = $c[$j] . $c[$j + 1];
			push @{$bi{$b}}, $i unless $seen{$b}++;
		}
	}
}


# Whether s (no spaces) is a fragment of template t (see above).  A
# directive of t stands for any characters but Han and sentence
# punctuation, and for whole atoms (names of the example, short messages
# and course titles, the Han of a count's word).  Before and after the
# fragment, decoration (a key, a mark, a number) may stand: not Han, not
# punctuation, not letters written against Han (glue).
sub fragment {
	my ($s, $t, $glue, $ms, $me) = @_;
	my @s = split //, $s;
	my @t = split //, $t;
	my ($n, $m) = (scalar @s, scalar @t);
	my (@han, @deco);
	for my $i (0 .. $n - 1) {
		$han[$i] = $s[$i] =~ /\p{Han}/ ? 1 : 0;
		$deco[$i] = !$han[$i] && $s[$i] !~ $PUNCT && !$glue->[$i];
	}
	# Atoms at each place of s.
	my @at;
	for my $i (0 .. $n - 1) {
		next unless $han[$i];
		for my $len (1 .. ($n - $i < 24 ? $n - $i : 24)) {
			push @{$at[$i]}, $len if $atom{substr($s, $i, $len)};
		}
	}
	my (%seen, @todo);
	my $push = sub {
		my ($i, $p, $lit) = @_;
		my $k = "$i,$p,$lit";
		return if $seen{$k}++;
		push @todo, [$i, $p, $lit];
	};
	# A fragment starts inside a message only where the text before it
	# may be elsewhere ($ms: a wrapped line, an earlier column or
	# clause), else at its start or after a directive; the same for
	# its end ($me).
	my @startok = map { $ms || $_ == 0 || $t[$_ - 1] eq $D } 0 .. $m;
	my @endok;
	$endok[$m] = 1;
	for (my $p = $m - 1; $p >= 0; $p--) {
		$endok[$p] = $me || ($t[$p] eq $D && $endok[$p + 1]);
	}
	for my $i0 (0 .. $n - 1) {
		$startok[$_] and $push->($i0, $_, 0) for 0 .. $m - 1;
		last unless $deco[$i0];
	}
	while (my $st = pop @todo) {
		my ($i, $p, $lit) = @$st;
		if ($lit && $endok[$p]) {
			my $j = $i;
			$j++ while $j < $n && $deco[$j];
			return 1 if $j == $n;
		}
		next if $i == $n || $p == $m;
		if ($t[$p] eq $D) {
			$push->($i, $p + 1, $lit);
			$push->($i + 1, $p, $lit) if !$han[$i] && $s[$i] !~ $PUNCT;
			$push->($i + $_, $p, $lit) for @{$at[$i] || []};
		} elsif ($t[$p] eq $s[$i]) {
			$push->($i + 1, $p + 1, $lit || $han[$i]);
		}
	}
	return 0;
}

my %known;
sub known {
	my ($s, $glue, $ms, $me) = @_;
	my $key = join("\0", $s, join('', @$glue), $ms ? 1 : 0, $me ? 1 : 0);
	return $known{$key} //= known1($s, $glue, $ms, $me);
}

sub known1 {
	my ($s, $glue, $ms, $me) = @_;
	return 1 if $data{$s};
	my %cand;
	my @c = split //, $s;
	for my $j (0 .. $#c - 1) {
		next unless $c[$j] =~ /\p{Han}/ && $c[$j + 1] =~ /\p{Han}/;
		$cand{$_}++ for @{$bi{$c[$j] . $c[$j + 1]} || []};
	}
	if (!%cand) {
		for my $ch (grep { /\p{Han}/ } @c) {
			$cand{$_}++ for @{$uni{$ch} || []};
		}
	}
	my @order = sort { $cand{$b} <=> $cand{$a} || $a <=> $b } keys %cand;
	splice(@order, 60) if @order > 60;
	for my $i (@order) {
		if (fragment($s, $tpl[$i], $glue, $ms, $me)) {
			print STDERR "$s <= $tpl[$i]\n" if $ENV{GUIDE_DEBUG};
			return 1;
		}
	}
	return 0;
}

# Whether piece p (spaces kept) is known whole, or as clauses known each
# (a line made of several messages: cut before or after punctuation).
sub covered {
	my ($p, $ms, $me) = @_;
	# Latin letters written against a Han character ("PIN码") belong to
	# the word: never decoration.
	my @pc = split //, $p;
	my (@s, @glue);
	for my $i (0 .. $#pc) {
		next if $pc[$i] =~ /\s/;
		push @s, $pc[$i];
		push @glue, ($pc[$i] =~ /[A-Za-z]/ && glued_run(\@pc, $i)) ?
		    1 : 0;
	}
	my $n = @s;
	my $s = join('', @s);
	return 1 if $data{$s} || known($s, \@glue, $ms, $me);
	my @cut = (0);
	for my $i (1 .. $n - 1) {
		push @cut, $i if $s[$i] =~ $PUNCT || $s[$i - 1] =~ $PUNCT;
	}
	push @cut, $n;
	my %reach = (0 => 1);
	for my $a (0 .. $#cut) {
		next unless $reach{$cut[$a]};
		for my $b ($a + 1 .. $#cut) {
			my ($i, $j) = ($cut[$a], $cut[$b]);
			my $part = join('', @s[$i .. $j - 1]);
			my @g = @glue[$i .. $j - 1];
			if ($part !~ /\p{Han}/ || $data{$part} ||
			    known($part, \@g, $ms || $i > 0, $me || $j < $n)) {
				$reach{$j} = 1;
			}
		}
	}
	return $reach{$n} ? 1 : 0;
}

# The display width of a line: Han and fullwidth forms two columns.
sub width {
	my ($l) = @_;
	my $w = 0;
	$w += /[\p{Han}\x{3000}-\x{303f}\x{ff00}-\x{ffef}\x{2018}-\x{201d}]/ ? 2 : 1
	    for split //, $l;
	return $w;
}

# Whether the run of letters around i touches a Han character.
sub glued_run {
	my ($pc, $i) = @_;
	my ($a, $b) = ($i, $i);
	$a-- while $a > 0 && $pc->[$a - 1] =~ /[A-Za-z]/;
	$b++ while $b < $#$pc && $pc->[$b + 1] =~ /[A-Za-z]/;
	return ($a > 0 && $pc->[$a - 1] =~ /\p{Han}/) ||
	    ($b < $#$pc && $pc->[$b + 1] =~ /\p{Han}/);
}

# The guide's code blocks: screens (no language) and command output
# (console: the lines that are not commands).
my $bad = 0;
my ($in, $lang, $cont) = (0, '', 0);
my $n = 0;
my @lines = split /\n/, slurp($guide);
for my $line (@lines) {
	$n++;
	# A wrapped message goes on from a full line to the next.
	my $prev = $n > 1 ? $lines[$n - 2] : '';
	my $next = $n < @lines ? $lines[$n] : '';
	my $wrapped_in = $in && width($prev) >= 60 && $prev !~ /^```/;
	my $wraps_on = width($line) >= 60 && $next =~ /\S/ && $next !~ /^```/;
	if ($line =~ /^```(\S*)/) {
		($in, $lang) = $in ? (0, '') : (1, $1);
		$cont = 0;
		next;
	}
	next unless $in && ($lang eq '' || $lang eq 'console');
	if ($lang eq 'console') {
		if ($cont || $line =~ /^\$ /) {
			$cont = $line =~ /\\$/;
			next;
		}
	}
	if ($lang eq 'console') {
		(my $l = $line) =~ s/^firstline: //;
		$l =~ s/\s+$//;
		my $english = 0;
		for my $re (@english) {
			next unless $l =~ $re;
			print "$n: (in English) $line\n";
			$bad++;
			$english = 1;
			last;
		}
		next if $english;
	}
	next unless $line =~ /\p{Han}/;
	# A CSV line: each field on its own.
	(my $trim = $line) =~ s/^\s+|\s+$//g;
	my @pieces = ($trim =~ /,.*,/ && $trim !~ /\s{2}/) ?
	    split(/,/, $trim) : split(/\s{2,}/, $trim);
	for my $k (0 .. $#pieces) {
		my $piece = $pieces[$k];
		my $p = $piece;
		$p =~ s/^\s+|\s+$//g;
		$p =~ s/…$//;		# a cut text
		$p =~ s/^\.\.\.|\.\.\.$//g;
		next unless $p =~ /\p{Han}/;
		next if covered($p, $wrapped_in || $k > 0,
		    $wraps_on || $k < $#pieces);
		print "$n: $piece\n";
		$bad++;
	}
}
exit($bad ? 1 : 0);
PERL

cat >"$TMP/pairs.pl" <<'PERL'
# pairs.pl PO SRCDIR: the built-in Chinese of tr(N_("en"), "zh") and
# T(N_("en"), "zh") must read as the catalogue's msgstr of "en".
use strict; use warnings; use utf8;
binmode STDOUT, ':encoding(UTF-8)';
my ($po, $src) = @ARGV;
sub slurp { open(my $f, '<:encoding(UTF-8)', $_[0]) or die "$_[0]: $!\n"; local $/; <$f> }
sub lit { my $s = shift; join('', map { my $x = $_; $x =~ s/\\(["\\nt])/$1 eq 'n' ? "\n" : $1 eq 't' ? "\t" : $1/ge; $x } ($s =~ /"((?:[^"\\\n]|\\.)*)"/g)) }
my %tr;
my $t = slurp($po);
while ($t =~ /^msgid\s+((?:"(?:[^"\\]|\\.)*"\s*)+)(?:msgid_plural\s+(?:"(?:[^"\\]|\\.)*"\s*)+)?msgstr(?:\[0\])?\s+((?:"(?:[^"\\]|\\.)*"\s*)+)/mg) {
	$tr{lit($1)} = lit($2);
}
my $STR = qr/(?:"(?:[^"\\\n]|\\.)*"\s*)+/;
my $bad = 0;
for my $f (glob("$src/tui/*.c"), glob("$src/web/*.c")) {
	my $c = slurp($f);
	while ($c =~ /\b(?:tr|T)\(\s*N_\(\s*($STR)\)\s*,\s*($STR)\)/g) {
		my ($en, $zh) = (lit($1), lit($2));
		next unless exists $tr{$en} && $tr{$en} ne '';
		next if $tr{$en} eq $zh;
		(my $e = $en) =~ s/\n/\\n/g;
		print "$f: \"$e\"\n  built in: $zh\n  catalogue: $tr{$en}\n";
		$bad++;
	}
	while ($c =~ /\b(?:trn|TN)\(\s*($STR),\s*($STR),\s*($STR),/g) {
		my ($en, $zh) = (lit($1), lit($3));
		next unless exists $tr{$en} && $tr{$en} ne '';
		next if $tr{$en} eq $zh;
		print "$f: \"$en\"\n  built in: $zh\n  catalogue: $tr{$en}\n";
		$bad++;
	}
}
print "$bad\n";
exit($bad ? 1 : 0);
PERL

# ----------------------------------------------------- 1. the guide's text
check_guide() {	# GUIDE: run the checker on it
	run perl "$TMP/guide.pl" "$1" "$PO" "$SRC/src" "$FIRSTLINE_DATADIR" \
	    "$TMP/data"
}
check_guide "$GUIDE"
[ "$RC" -eq 0 ] || printf '%s\n' "$OUT" | sed 's/^/# not the program'"'"'s: /'
ok "$RC" "every Chinese text of the guide's screens and output is the program's"

# Drift is found: the wording of a screen, of an output line, a term.
drift() {	# DESC FROM TO
	sed "s/$2/$3/" "$GUIDE" >"$TMP/drift.md"
	cmp -s "$GUIDE" "$TMP/drift.md"
	[ $? -eq 1 ] || { ok 1 "$1: the edit applies"; return; }
	check_guide "$TMP/drift.md"
	[ "$RC" -ne 0 ]; ok $? "$1: refused"
	has "$3" "$OUT" "$1: the line is named"
}
drift "PIN码 on the login screen" "准考证号或密码错误" "准考证号或PIN码错误"
drift "批次 for 培训批次 in the scoring client" "培训批次 2026-001，考试 standard" \
    "批次 2026-001，考试 standard"
drift "a Latin comma in a Chinese verdict" "还需 2 人合格，还需 1 人优秀" \
    "还需 2 人合格, 还需 1 人优秀"
drift "考生 for 学员" "请选择学员。" "请选择考生。"
drift "a reworded output line" "已记录过，答案相同" "已经记录过，答案相同"
drift "an option the bank does not have" "两片都贴在前胸，贴不下时可以部分重叠" \
    "两片都贴在前胸，贴不下时可以重叠"

# -------------------------------------- 2. built-in Chinese = catalogue
run perl "$TMP/pairs.pl" "$PO" "$SRC/src"
[ "$RC" -eq 0 ] || printf '%s\n' "$OUT" | sed 's/^/# /'
ok "$RC" "the clients' built-in Chinese reads as the catalogue"

# ------------------------------------- 3. chapter 1's commands, for real
# output_of LINE: the guide's output lines after its command at LINE,
# up to the next command or the end of the block, without "...".
output_of() {
	awk -v n="$1" 'NR > n && (/^\$ / || /^```/) { exit }
	    NR > n && $0 != "..." { print }' "$GUIDE"
}
mkdir "$TMP/bin" "$TMP/run"
ln -s "$FIRSTLINE" "$TMP/bin/firstline"
Q="$FIRSTLINE_DATADIR"
export Q
for cmd in \
    'firstline --db exam.db init' \
    '(cd $Q && firstline bank check banks/cpr.xml)' \
    'firstline --db exam.db bank load $Q/rubrics/*.xml $Q/banks/*.xml $Q/exams/standard.xml' \
    'firstline --db exam.db bank list' \
    'firstline --db exam.db exam show standard' \
    'firstline --db exam.db rubric list' \
    'firstline --db exam.db rubric show cpr-aed --format csv'
do
	line=$(grep -n -F -x "\$ $cmd" "$GUIDE" | head -1 | cut -d: -f1)
	[ -n "$line" ] || { ok 1 "the guide shows: $cmd"; continue; }
	(cd "$TMP/run" && PATH="$TMP/bin:$PATH" LANG=zh_CN.UTF-8 LC_ALL= \
	    LANGUAGE= sh -c "$cmd") >"$TMP/real" 2>&1
	# The schema version grows with every migration: not wording.
	tr -d '\r' <"$TMP/real" | sed -e 's/ *$//' \
	    -e 's/结构版本 [0-9]*/结构版本 N/' >"$TMP/real.txt"
	missing=$(output_of "$line" | sed -e 's/ *$//' \
	    -e 's/结构版本 [0-9]*/结构版本 N/' | while IFS= read -r l; do
		grep -q -F -x -- "$l" "$TMP/real.txt" || printf '%s\n' "$l"
	done)
	[ -z "$missing" ] || { printf '# not in the output: %s\n' "$missing";
	    sed 's/^/# real: /' "$TMP/real.txt"; }
	[ -z "$missing" ]; ok $? "guide line $line: $cmd"
done

done_testing
