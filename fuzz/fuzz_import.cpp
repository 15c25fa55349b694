// The article importer on arbitrary bytes, as a file of one type (PARALLAX_FUZZ_FILE_NAME: a .txt,
// .md or .html name). Any input must give a draft or a reason, never a crash, a hang or a leak.
#include "fuzzsupport.h"
#include "importer.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::startApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString name = QStringLiteral(PARALLAX_FUZZ_FILE_NAME);
    const Importer::Result r = Importer::importBytes(bytes, name);
    using FuzzSupport::check;
    if (r.ok()) {
        check(!r.draft.headline.isEmpty(), "an imported article has a headline");
        check(r.draft.headline.size() <= Importer::MaxHeadlineChars, "the headline is not a whole body");
        check(r.draft.original == bytes, "the original bytes are kept as they were");
        check(!r.draft.format.isEmpty() && !r.draft.encoding.isEmpty(), "format and encoding are named");
    } else {
        check(r.error.startsWith(name + QStringLiteral(": ")), "an error names the file");
        check(r.error.size() > name.size() + 2, "an error gives a reason");
    }
    return 0;
}
