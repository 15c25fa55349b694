<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>AnnotationController</name>
    <message>
        <source>&amp;Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link to Claim…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Claim &amp;Unsupported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Claim &amp;Supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Claim &amp;Disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Claim &amp;Needs Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Claim Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a passage in an article first, then press H.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlighted. Press L to link it to a claim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a passage (or put the cursor in a highlight), then press L.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a claim first: link a passage to one (L) or pick one in the Claims panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” marked %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status of “%1” cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the cursor in a highlight to remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight removed (Ctrl+Z brings it back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationStore</name>
    <message>
        <source>A highlight needs at least one character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A claim needs a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That highlight is not linked to that claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a tag named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An evidence link needs a URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such evidence link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message>
        <source>The workspace could not be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select some text to highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select some text to link to a claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new claim needs a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to New Claim “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That highlight is not linked to that claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink from Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Wording to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Highlight Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A claim needs a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Claim “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Claim %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Claim Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Claim Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Claim Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Claim “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An evidence link needs a URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such evidence link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Suggestion into Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept Suggestion “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject Suggestion “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>Imported from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unnamed file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimDetails</name>
    <message>
        <source>Choose a claim to see and edit its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is known about this claim, what to check…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… (Enter adds it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what it shows (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported by %1 of %2 articles, %3 passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimPicker</name>
    <message>
        <source>Link to Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to find a claim, or a title for a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested from the quotation marks, attributions and hedges around the passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter links the passage to “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter makes a new claim “%1”. Down arrow chooses an existing one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a title for a new claim, or choose one below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimsModel</name>
    <message>
        <source>%1: %2 (not found in the text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimsPanel</name>
    <message>
        <source>Filter claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a claim to see it in every pane that reports it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No claims yet.

Select a passage in an article and press L to link it to a claim; H only highlights it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No claim matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>%1 of %2 articles report “%3” (%4 outlets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not report this claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many articles report the claim; click to sort</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <source>Q verbatim quote · P paraphrase · A attributed · H hedged · F stated as fact · empty: not reported. Stronger colour: stated more strongly. Click a cell to read the passage.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNSUPPORTED: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wording: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also reported by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no other outlet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight (no claim)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>How %n outlets reported one story</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No claims yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported by %1 of %2 articles: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>&amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Web Annotations (JSON-LD)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W3C Web Annotations (*.jsonld *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>;;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported annotations: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HighlightLayer</name>
    <message>
        <source>&lt;i&gt;Highlight, not linked to a claim&lt;/i&gt; (L links it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>Articles (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Parallax workspaces (*.%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick an article to show it side by side; Space toggles the selected one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage Matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Sample Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Article &amp;List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading &amp;Cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View &amp;Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click in an article first to view its source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Parallax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in Articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Parallax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 article in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 articles in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the sample story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled.parallax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists and could not be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: could not be stored (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported 1 article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 articles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already in the workspace, skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files could not be imported; nothing of them was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Parallax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Parallax %1&lt;/h3&gt;&lt;p&gt;Compare how several outlets reported one story: read the articles side by side, mark what each one claims, and see which claims they share.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaneStrip</name>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;No article is shown.&lt;/p&gt;&lt;p&gt;Import articles with &lt;b&gt;File › Import Articles…&lt;/b&gt; (Ctrl+I) or drop files here,&lt;br&gt;or tick articles in the &lt;b&gt;Articles&lt;/b&gt; list to show them side by side.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>verbatim quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paraphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attributed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hedged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stated as fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same sentence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>Text of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported from %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 match in 1 article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches in 1 article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches in %2 articles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <source>Source of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · as imported, before Parallax extracted the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · cannot be shown as text: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsController</name>
    <message>
        <source>Claim “%1” made from the suggestion; rename it in Claim Details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the claim to merge into first (in the Claims panel), then press M.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion rejected; Ctrl+Z brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <source>%1, score %2, in %3 articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>&amp;Detect Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each outlet&apos;s wording against the first: underlined words it adds, struck-out words it drops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a claim of this group, each passage an appearance of it (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add these passages to the current claim (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not the same claim: hide it, also after a restart (R; Ctrl+Z brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for passages that several articles share…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detection cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suggestions: no passages are shared by two articles (or all were handled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 suggestion. A accepts, M merges into the current claim, R rejects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 suggestions. A accepts, M merges into the current claim, R rejects.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
