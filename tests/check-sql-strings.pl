#!/usr/bin/perl
# Fails when SQL text is built from strings in app/ or ui/: a string literal that holds SQL and is
# then .arg()-ed, concatenated with +, or given a QString::number. Values must be bound (? and
# addBindValue). The only pieces allowed into a statement's text are these, each a constant of
# ours or an integer, never anything a file or a reader supplies:
my %allowed = (
    'SummaryColumns'          => 'a constant column list (workspace.cpp)',
    'HighlightColumns'        => 'a constant column list (annotationstore.cpp)',
    'ClaimColumns'            => 'a constant column list (annotationstore.cpp)',
    'step + 1'                => 'PRAGMA user_version takes no bound value: our own integer',
    'Schema::ApplicationId'   => 'PRAGMA application_id takes no bound value: a constant integer',
);
use strict;
use warnings;
use File::Find;

my $root = shift // '.';
my $sql = qr/\b(?:SELECT|INSERT|UPDATE|DELETE\s+FROM|PRAGMA|VACUUM|CREATE|DROP|ALTER|REPLACE\s+INTO|WHERE|ORDER\s+BY)\b/;
my @problems;
my $literal = qr/"(?:[^"\\]|\\.)*"/;
my $balanced;
$balanced = qr/\((?:[^()]++|(??{$balanced}))*\)/;

find(sub {
    return unless /\.(?:cpp|h)$/;
    my $file = $File::Find::name;
    open my $fh, '<', $_ or die "$file: $!";
    local $/;
    my $text = <$fh>;
    close $fh;
    # QStringLiteral("..." "...") or QLatin1String(...) or a bare literal, then what follows it.
    while ($text =~ /((?:QStringLiteral|QLatin1String|QString|u)?\s*\(?\s*((?:$literal\s*)+)\)?)((?:\s*\.arg$balanced)*)(\s*\+)?/g) {
        my ($whole, $strings, $args, $plus) = ($1, $2, $3, $4);
        my $start = $-[0];
        next unless $strings =~ $sql;
        my $line = 1 + (substr($text, 0, $start) =~ tr/\n//);
        my $before = substr($text, ($start > 40 ? $start - 40 : 0), ($start > 40 ? 40 : $start));
        if (defined $plus || $before =~ /\+\s*$/) {
            push @problems, "$file:$line: SQL text joined with + (bind the value instead)";
        }
        while ($args =~ /\.arg\(((?:[^()]++|$balanced)*)\)/g) {
            my $arg = $1;
            $arg =~ s/^\s+|\s+$//g;
            push @problems, "$file:$line: SQL text built with .arg($arg) (bind the value instead)"
                unless exists $allowed{$arg};
        }
        if ($strings =~ /QString::number/) {
            push @problems, "$file:$line: SQL text built with QString::number";
        }
    }
}, "$root/app", "$root/ui");

if (@problems) {
    print "$_\n" for @problems;
    exit 1;
}
print "no SQL built from strings in app/ and ui/\n";
exit 0;
