#include "annotationstore.h"

#include "workspace.h"

#include <algorithm>
#include <cstdio>

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace {

// A time as stored: UTC, ISO 8601 with milliseconds ("2026-11-24T10:50:00.123Z"), as
// QDateTime::toString(Qt::ISODateWithMs) writes it for a UTC time, written out directly (that
// call costs more than the rest of a new highlight's own work).
QByteArray isoUtc(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    if (!d.isValid() || d.year() < 0 || d.year() > 9999)
        return utc.toString(Qt::ISODateWithMs).toUtf8();
    // Written digit by digit: snprintf cost a tenth of a highlight's instructions.
    char out[] = "0000-00-00T00:00:00.000Z";
    auto put = [&out](int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            out[i] = char('0' + value % 10);
    };
    put(0, d.year(), 4);
    put(5, d.month(), 2);
    put(8, d.day(), 2);
    put(11, t.hour(), 2);
    put(14, t.minute(), 2);
    put(17, t.second(), 2);
    put(20, t.msec(), 3);
    return QByteArray(out, sizeof out - 1);
}

QString now()
{
    return QString::fromLatin1(isoUtc(QDateTime::currentDateTimeUtc()));
}

QDateTime timeFrom(const QVariant &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

const QString HighlightColumns
    = QStringLiteral("id, article_id, start, end, quote, prefix, suffix, note, orphaned, created, modified");

Highlight highlightFrom(const QSqlQuery &q)
{
    Highlight h;
    h.id = q.value(0).toLongLong();
    h.articleId = q.value(1).toLongLong();
    h.start = q.value(2).toInt();
    h.end = q.value(3).toInt();
    h.quote = q.value(4).toString();
    h.prefix = q.value(5).toString();
    h.suffix = q.value(6).toString();
    h.note = q.value(7).toString();
    h.orphaned = q.value(8).toBool();
    h.created = timeFrom(q.value(9));
    h.modified = timeFrom(q.value(10));
    return h;
}

// The statements of one highlight, run through SQLite's own calls (AnnotationStore::keptStatement).
// Every change is one transaction (begin() and end()). The outermost change takes the write lock as it starts
// (IMMEDIATE): what it reads, such as whether a passage is highlighted already, cannot go stale before it writes, and
// it never meets SQLITE_BUSY_SNAPSHOT half-way. Inside a transaction someone else opened, a savepoint.
const char *const BeginSql = "BEGIN IMMEDIATE";
const char *const CommitSql = "COMMIT";
const char *const SavepointSql = "SAVEPOINT annotation";
const char *const ReleaseSql = "RELEASE annotation";
// A new highlight (a NULL id) takes one more than both the highest id in use and the highest one
// removed (Schema::Version6); a highlight put back by a redo brings its own id.
const char *const InsertHighlightSql
    = "INSERT INTO highlights(id, article_id, start, end, quote, prefix, suffix, note, orphaned, created, modified) "
      "VALUES (coalesce(?1, max(coalesce((SELECT max(id) FROM highlights), 0), coalesce((SELECT id FROM "
      "id_high_water WHERE table_name = 'highlights'), 0)) + 1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
const char *const HighlightAtSql
    = "SELECT id, article_id, start, end, quote, prefix, suffix, note, orphaned, created, modified FROM highlights "
      "WHERE article_id = ? AND start = ? AND end = ? AND orphaned = 0 ORDER BY id LIMIT 1";

// The texts of a highlight as the workspace stores them (UTF-8): Qt converts them faster than
// SQLite translates bound UTF-16.
struct Utf8Texts {
    QByteArray quote, prefix, suffix, note;
};

// Binds a highlight to InsertHighlightSql. SQLITE_STATIC: texts, created and modified must
// outlive the step that reads them.
int bindHighlight(sqlite3_stmt *stmt, const Highlight &h, const QByteArray &created, const QByteArray &modified,
                  Utf8Texts &texts)
{
    auto bindUtf8 = [stmt](int column, const QByteArray &s) {
        // constData() of an empty array is "", never null (null would bind NULL; these columns
        // hold '' for "none").
        return sqlite3_bind_text(stmt, column, s.constData(), int(s.size()), SQLITE_STATIC);
    };
    texts.quote = h.quote.toUtf8();
    texts.prefix = h.prefix.toUtf8();
    texts.suffix = h.suffix.toUtf8();
    texts.note = h.note.toUtf8();
    int rc = h.id > 0 ? sqlite3_bind_int64(stmt, 1, h.id) : sqlite3_bind_null(stmt, 1);
    rc |= sqlite3_bind_int64(stmt, 2, h.articleId);
    rc |= sqlite3_bind_int64(stmt, 3, h.start);
    rc |= sqlite3_bind_int64(stmt, 4, h.end);
    rc |= bindUtf8(5, texts.quote);
    rc |= bindUtf8(6, texts.prefix);
    rc |= bindUtf8(7, texts.suffix);
    rc |= bindUtf8(8, texts.note);
    rc |= sqlite3_bind_int(stmt, 9, h.orphaned ? 1 : 0);
    rc |= bindUtf8(10, created);
    rc |= bindUtf8(11, modified);
    return rc;
}

QString columnText(sqlite3_stmt *stmt, int column)
{
    const auto *data = static_cast<const QChar *>(sqlite3_column_text16(stmt, column));
    return data ? QString(data, sqlite3_column_bytes16(stmt, column) / qsizetype(sizeof(QChar))) : QString();
}

// A row of HighlightAtSql (the columns of HighlightColumns, in order).
Highlight highlightFromRow(sqlite3_stmt *stmt)
{
    Highlight h;
    h.id = sqlite3_column_int64(stmt, 0);
    h.articleId = sqlite3_column_int64(stmt, 1);
    h.start = sqlite3_column_int(stmt, 2);
    h.end = sqlite3_column_int(stmt, 3);
    h.quote = columnText(stmt, 4);
    h.prefix = columnText(stmt, 5);
    h.suffix = columnText(stmt, 6);
    h.note = columnText(stmt, 7);
    h.orphaned = sqlite3_column_int(stmt, 8) != 0;
    h.created = timeFrom(columnText(stmt, 9));
    h.modified = timeFrom(columnText(stmt, 10));
    return h;
}

const QString ClaimColumns = QStringLiteral("id, title, note, status_tag, created, modified");

Claim claimFrom(const QSqlQuery &q)
{
    Claim c;
    c.id = q.value(0).toLongLong();
    c.title = q.value(1).toString();
    c.note = q.value(2).toString();
    c.statusTag = q.value(3).isNull() ? 0 : q.value(3).toLongLong();
    c.created = timeFrom(q.value(4));
    c.modified = timeFrom(q.value(5));
    return c;
}

Appearance appearanceFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), wordingFromKey(q.value(2).toString())};
}

// How many characters of a and b agree, reading from their ends (for prefixes) or starts.
int commonSuffix(const QString &a, const QString &b)
{
    int n = 0;
    while (n < a.size() && n < b.size() && a.at(a.size() - 1 - n) == b.at(b.size() - 1 - n))
        ++n;
    return n;
}

int commonPrefix(const QString &a, const QString &b)
{
    int n = 0;
    while (n < a.size() && n < b.size() && a.at(n) == b.at(n))
        ++n;
    return n;
}

} // namespace

QString wordingKey(Wording w)
{
    switch (w) {
    case Wording::Verbatim:
        return QStringLiteral("verbatim");
    case Wording::Paraphrase:
        return QStringLiteral("paraphrase");
    case Wording::Attributed:
        return QStringLiteral("attributed");
    case Wording::Hedged:
        return QStringLiteral("hedged");
    case Wording::Stated:
        return QStringLiteral("stated");
    }
    return QStringLiteral("stated");
}

QString wordingLabel(Wording w)
{
    switch (w) {
    case Wording::Verbatim:
        return QObject::tr("verbatim quote");
    case Wording::Paraphrase:
        return QObject::tr("paraphrase");
    case Wording::Attributed:
        return QObject::tr("attributed");
    case Wording::Hedged:
        return QObject::tr("hedged");
    case Wording::Stated:
        return QObject::tr("stated as fact");
    }
    return {};
}

QColor claimColour(const Claim &claim, const QList<qint64> &tagIds, const QList<Tag> &tags)
{
    auto colourOf = [&](qint64 id) {
        for (const Tag &t : tags) {
            if (t.id == id)
                return t.colour;
        }
        return QColor();
    };
    if (claim.statusTag > 0 && colourOf(claim.statusTag).isValid())
        return colourOf(claim.statusTag);
    for (qint64 id : tagIds) {
        if (colourOf(id).isValid())
            return colourOf(id);
    }
    return {};
}

QList<Wording> allWordings()
{
    return {Wording::Verbatim, Wording::Paraphrase, Wording::Attributed, Wording::Hedged, Wording::Stated};
}

Wording wordingFromKey(const QString &key, bool *ok)
{
    for (Wording w : allWordings()) {
        if (wordingKey(w) == key) {
            if (ok)
                *ok = true;
            return w;
        }
    }
    if (ok)
        *ok = false;
    return Wording::Stated;
}

AnnotationStore::AnnotationStore(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_connection(workspace->connectionName())
{
    // A workspace may go before its store (a window closing, a command ending in another order).
    connect(workspace, &Workspace::closing, this, &AnnotationStore::finalizeKeptStatements);
}

AnnotationStore::AnnotationStore(const QString &connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
}

AnnotationStore::~AnnotationStore()
{
    finalizeKeptStatements();
}

void AnnotationStore::finalizeKeptStatements()
{
    for (const auto &[sql, statement] : m_keptStatements)
        sqlite3_finalize(statement);
    m_keptStatements.clear();
}

int AnnotationStore::appearanceCount() const
{
    QSqlQuery q = prepared(QStringLiteral("SELECT count(*) FROM appearances"));
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

AnnotationStore::Batch::Batch(AnnotationStore &store)
    : m_store(store)
    , m_outermost(store.m_depth == 0)
    , m_open(store.begin())
{
}

AnnotationStore::Batch::~Batch()
{
    if (m_open)
        m_store.end(false);
}

bool AnnotationStore::Batch::commit()
{
    if (!m_open)
        return false;
    m_open = false;
    return m_store.end(true);
}

bool AnnotationStore::begin()
{
    // SQLite writes on into a file deleted while open, where nothing could ever read it again;
    // undo and redo come through here too.
    if (m_depth == 0 && m_workspace && (m_workspace->isReadOnly() || m_workspace->fileIsGone()))
        return fail(m_workspace->explainWriteFailure(QStringLiteral("attempt to write a readonly database")));
    // Nested batches are savepoints, which makes them composable.
    if (m_depth == 0) {
        sqlite3_stmt *begin = keptStatement(BeginSql);
        if (!begin)
            return false;
        m_ownsTransaction = sqlite3_get_autocommit(sqlite3_db_handle(begin)) != 0;
    }
    if (!stepKept(m_depth == 0 && m_ownsTransaction ? BeginSql : SavepointSql)) {
        if (m_depth == 0)
            m_ownsTransaction = false;
        return false;
    }
    ++m_depth;
    m_pendingMarks.append(m_pending.size());
    return true;
}

bool AnnotationStore::end(bool ok)
{
    Q_ASSERT(m_depth > 0);
    const qsizetype mark = m_pendingMarks.takeLast();
    --m_depth;
    const bool outermost = m_depth == 0 && m_ownsTransaction;
    if (m_depth == 0)
        m_ownsTransaction = false;
    if (ok && !stepKept(outermost ? CommitSql : ReleaseSql))
        ok = false;
    if (m_depth == 0)
        // Statements stay prepared for the next change (preparing costs more than the insert),
        // but none stays active between transactions.
        for (auto &entry : m_batchStatements)
            entry.second.finish();
    if (!ok) {
        QSqlQuery q(QSqlDatabase::database(m_connection));
        if (outermost) {
            q.exec(QStringLiteral("ROLLBACK"));
        } else {
            q.exec(QStringLiteral("ROLLBACK TO annotation"));
            q.exec(QStringLiteral("RELEASE annotation"));
        }
        m_pending.resize(mark);
        return false;
    }
    if (m_depth == 0) {
        // Committed: now the models may hear of it.
        const QList<std::function<void()>> emitters = std::exchange(m_pending, {});
        for (const auto &emitter : emitters)
            emitter();
    }
    return true;
}

sqlite3 *AnnotationStore::sqliteHandle() const
{
    return Workspace::sqliteHandleOf(QSqlDatabase::database(m_connection));
}

sqlite3_stmt *AnnotationStore::rawStatement(const char *sql) const
{
    sqlite3 *db = sqliteHandle();
    sqlite3_stmt *stmt = nullptr;
    if (!db) {
        fail(tr("The workspace is not an SQLite database"));
        return nullptr;
    }
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        fail(QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_finalize(stmt);
        return nullptr;
    }
    return stmt;
}

sqlite3_stmt *AnnotationStore::keptStatement(const char *sql) const
{
    auto it = m_keptStatements.find(sql);
    if (it != m_keptStatements.end())
        return it->second;
    sqlite3_stmt *statement = rawStatement(sql);
    if (statement)
        m_keptStatements.emplace(sql, statement);
    return statement;
}

bool AnnotationStore::stepKept(const char *sql)
{
    sqlite3_stmt *statement = keptStatement(sql);
    if (!statement)
        return false;
    const int rc = sqlite3_step(statement);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        m_lastError = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(statement)));
    sqlite3_reset(statement);
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

QSqlQuery &AnnotationStore::batchStatement(const QString &sql) const
{
    auto it = m_batchStatements.find(sql);
    if (it == m_batchStatements.end()) {
        it = m_batchStatements.emplace(sql, QSqlQuery(QSqlDatabase::database(m_connection))).first;
        it->second.prepare(sql);
    }
    return it->second;
}

void AnnotationStore::later(std::function<void()> emitter)
{
    m_pending.append(std::move(emitter));
}

bool AnnotationStore::fail(const QString &message) const
{
    m_lastError = message;
    return false;
}

QSqlQuery AnnotationStore::prepared(const QString &sql) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(sql);
    return q;
}

namespace {
// Runs a prepared statement with bound values; on failure leaves the reason in *error.
bool run(QSqlQuery &q, const QVariantList &values, QString *error)
{
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (q.exec())
        return true;
    *error = q.lastError().databaseText();
    return false;
}
} // namespace

Highlight AnnotationStore::makeHighlight(qint64 articleId, const QString &body, int start, int end)
{
    Highlight h;
    h.articleId = articleId;
    h.start = std::clamp(start, 0, int(body.size()));
    h.end = std::clamp(end, h.start, int(body.size()));
    h.quote = body.mid(h.start, h.end - h.start);
    const int before = std::max(0, h.start - AnchorContext);
    h.prefix = body.mid(before, h.start - before);
    h.suffix = body.mid(h.end, AnchorContext);
    return h;
}

qint64 AnnotationStore::addHighlight(const Highlight &h)
{
    if (h.end <= h.start || h.quote.isEmpty()) {
        fail(tr("A highlight needs at least one character"));
        return 0;
    }
    // Inside a batch, one INSERT needs no savepoint of its own: a statement that fails changes
    // nothing. (Bulk loads of highlights run at nearly the speed of the insert alone.)
    const bool nested = m_depth > 0;
    if (!nested && !begin())
        return 0;
    const QByteArray t = isoUtc(QDateTime::currentDateTimeUtc());
    const QByteArray created = h.created.isValid() ? isoUtc(h.created) : t;
    const QByteArray modified = h.modified.isValid() ? isoUtc(h.modified) : t;
    sqlite3_stmt *stmt = keptStatement(InsertHighlightSql);
    Utf8Texts texts;
    bool ok
        = stmt && bindHighlight(stmt, h, created, modified, texts) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_DONE;
    qint64 id = 0;
    if (stmt) {
        if (ok)
            id = h.id > 0 ? h.id : sqlite3_last_insert_rowid(sqlite3_db_handle(stmt));
        else
            m_lastError = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(stmt)));
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt); // the texts bound are this call's
    }
    const qint64 article = h.articleId;
    if (ok)
        later([this, id, article] { Q_EMIT highlightAdded(id, article); });
    if (nested)
        return ok ? id : 0;
    return end(ok) ? id : 0;
}

QList<qint64> AnnotationStore::addHighlights(const QList<Highlight> &highlights)
{
    for (const Highlight &h : highlights) {
        if (h.end <= h.start || h.quote.isEmpty()) {
            fail(tr("A highlight needs at least one character"));
            return {};
        }
    }
    if (highlights.isEmpty())
        return {};
    if (!begin())
        return {};
    // Qt Sql binds every value through a QVariant keyed by a placeholder name: for 100,000 rows
    // that costs more than the insert. The rows go through SQLite's own binds instead, on the
    // handle of this same connection, inside the savepoint begin() opened.
    sqlite3 *db = sqliteHandle();
    sqlite3_stmt *stmt = rawStatement(InsertHighlightSql);
    if (!stmt) {
        end(false);
        return {};
    }
    const QByteArray t = now().toUtf8();
    // Rows loaded together mostly share their times: each distinct one is written out once.
    QDateTime lastTime;
    QByteArray lastText;
    auto stamp = [&](const QDateTime &d) -> QByteArray {
        if (!d.isValid())
            return t;
        if (d != lastTime) {
            lastTime = d;
            lastText = isoUtc(d);
        }
        return lastText;
    };
    Utf8Texts texts; // each row's, reused
    QList<qint64> ids;
    ids.reserve(highlights.size());
    QList<qint64> articles;
    bool ok = true;
    for (const Highlight &h : highlights) {
        const QByteArray created = stamp(h.created), modified = stamp(h.modified);
        const int rc = bindHighlight(stmt, h, created, modified, texts);
        if (rc != SQLITE_OK || sqlite3_step(stmt) != SQLITE_DONE) {
            m_lastError = QString::fromUtf8(sqlite3_errmsg(db));
            ok = false;
            break;
        }
        sqlite3_reset(stmt);
        ids.append(h.id > 0 ? h.id : sqlite3_last_insert_rowid(db));
        if (articles.isEmpty() || articles.constLast() != h.articleId)
            articles.append(h.articleId);
    }
    sqlite3_finalize(stmt);
    if (ok) {
        std::sort(articles.begin(), articles.end());
        articles.erase(std::unique(articles.begin(), articles.end()), articles.end());
        later([this, articles] { Q_EMIT highlightsAdded(articles); });
    }
    if (!end(ok))
        return {};
    return ids;
}

bool AnnotationStore::removeHighlight(qint64 id)
{
    const std::optional<Highlight> h = highlight(id);
    if (!h)
        return fail(tr("No such highlight"));
    if (!begin())
        return false;
    // Links go first, each reported, so that claim models drop the appearance rows.
    const QList<Appearance> links = appearancesOfHighlight(id);
    bool ok = true;
    for (const Appearance &a : links)
        ok = ok && unlink(a.highlightId, a.claimId);
    QSqlQuery q = prepared(QStringLiteral("DELETE FROM highlights WHERE id = ?"));
    ok = ok && run(q, {id}, &m_lastError);
    const qint64 article = h->articleId;
    if (ok)
        later([this, id, article] { Q_EMIT highlightRemoved(id, article); });
    return end(ok);
}

bool AnnotationStore::setHighlightNote(qint64 id, const QString &note)
{
    const std::optional<Highlight> h = highlight(id);
    if (!h)
        return fail(tr("No such highlight"));
    if (!begin())
        return false;
    QSqlQuery q = prepared(QStringLiteral("UPDATE highlights SET note = ?, modified = ? WHERE id = ?"));
    const bool ok = run(q, {text(note), now(), id}, &m_lastError);
    const qint64 article = h->articleId;
    if (ok)
        later([this, id, article] { Q_EMIT highlightChanged(id, article); });
    return end(ok);
}

std::optional<Highlight> AnnotationStore::highlight(qint64 id) const
{
    QSqlQuery q = prepared(QStringLiteral("SELECT %1 FROM highlights WHERE id = ?").arg(HighlightColumns));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return highlightFrom(q);
    return std::nullopt;
}

std::optional<Highlight> AnnotationStore::highlightAt(qint64 articleId, int start, int end) const
{
    // Asked before every new highlight: prepared once, and read through SQLite's own calls.
    sqlite3_stmt *stmt = keptStatement(HighlightAtSql);
    if (!stmt)
        return std::nullopt;
    std::optional<Highlight> found;
    if (sqlite3_bind_int64(stmt, 1, articleId) == SQLITE_OK && sqlite3_bind_int64(stmt, 2, start) == SQLITE_OK
        && sqlite3_bind_int64(stmt, 3, end) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        found = highlightFromRow(stmt);
    sqlite3_reset(stmt); // no read stays open between calls
    return found;
}

QList<Highlight> AnnotationStore::highlightsOf(qint64 articleId) const
{
    QList<Highlight> result;
    QSqlQuery q = prepared(
        QStringLiteral("SELECT %1 FROM highlights WHERE article_id = ? ORDER BY start, end, id").arg(HighlightColumns));
    q.setForwardOnly(true);
    q.addBindValue(articleId);
    if (q.exec()) {
        while (q.next())
            result.append(highlightFrom(q));
    }
    return result;
}

QList<Highlight> AnnotationStore::allHighlights() const
{
    QList<Highlight> result;
    QSqlQuery q = prepared(
        QStringLiteral("SELECT %1 FROM highlights ORDER BY article_id, start, end, id").arg(HighlightColumns));
    q.setForwardOnly(true);
    if (q.exec()) {
        while (q.next())
            result.append(highlightFrom(q));
    }
    return result;
}

QList<Highlight> AnnotationStore::allHighlightPositions() const
{
    QList<Highlight> result;
    QSqlQuery q = prepared(QStringLiteral(
        "SELECT id, article_id, start, end, orphaned FROM highlights ORDER BY article_id, start, end, id"));
    q.setForwardOnly(true);
    if (q.exec()) {
        while (q.next()) {
            Highlight h;
            h.id = q.value(0).toLongLong();
            h.articleId = q.value(1).toLongLong();
            h.start = q.value(2).toInt();
            h.end = q.value(3).toInt();
            h.orphaned = q.value(4).toBool();
            result.append(h);
        }
    }
    return result;
}

HighlightSnapshot AnnotationStore::snapshotOfHighlight(qint64 id) const
{
    HighlightSnapshot s;
    if (auto h = highlight(id))
        s.highlight = *h;
    s.appearances = appearancesOfHighlight(id);
    return s;
}

bool AnnotationStore::restoreHighlight(const HighlightSnapshot &s)
{
    Batch batch(*this);
    if (!addHighlight(s.highlight))
        return false;
    for (const Appearance &a : s.appearances) {
        if (!link(a))
            return false;
    }
    return batch.commit();
}

qint64 AnnotationStore::addClaim(const Claim &c)
{
    if (c.title.trimmed().isEmpty()) {
        fail(tr("A claim needs a title"));
        return 0;
    }
    if (!begin())
        return 0;
    const QString t = now();
    QSqlQuery q = prepared(
        QStringLiteral("INSERT INTO claims(id, title, note, status_tag, created, modified) VALUES (?, ?, ?, ?, ?, ?)"));
    const bool ok = run(q,
                        {idOrNull(c.id), c.title.trimmed(), text(c.note), idOrNull(c.statusTag),
                         c.created.isValid() ? c.created.toString(Qt::ISODateWithMs) : t,
                         c.modified.isValid() ? c.modified.toString(Qt::ISODateWithMs) : t},
                        &m_lastError);
    const qint64 id = ok ? q.lastInsertId().toLongLong() : 0;
    if (ok)
        later([this, id] { Q_EMIT claimAdded(id); });
    return end(ok) ? id : 0;
}

bool AnnotationStore::updateClaim(const Claim &c)
{
    if (c.title.trimmed().isEmpty())
        return fail(tr("A claim needs a title"));
    if (!claim(c.id))
        return fail(tr("No such claim"));
    if (!begin())
        return false;
    QSqlQuery q
        = prepared(QStringLiteral("UPDATE claims SET title = ?, note = ?, status_tag = ?, modified = ? WHERE id = ?"));
    const bool ok = run(q, {c.title.trimmed(), text(c.note), idOrNull(c.statusTag), now(), c.id}, &m_lastError);
    const qint64 id = c.id;
    if (ok)
        later([this, id] { Q_EMIT claimChanged(id); });
    return end(ok);
}

bool AnnotationStore::removeClaim(qint64 id)
{
    if (!claim(id))
        return fail(tr("No such claim"));
    if (!begin())
        return false;
    bool ok = true;
    for (const Appearance &a : appearancesOfClaim(id))
        ok = ok && unlink(a.highlightId, a.claimId);
    QSqlQuery q = prepared(QStringLiteral("DELETE FROM claims WHERE id = ?"));
    ok = ok && run(q, {id}, &m_lastError);
    if (ok)
        later([this, id] { Q_EMIT claimRemoved(id); });
    return end(ok);
}

std::optional<Claim> AnnotationStore::claim(qint64 id) const
{
    QSqlQuery q = prepared(QStringLiteral("SELECT %1 FROM claims WHERE id = ?").arg(ClaimColumns));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return claimFrom(q);
    return std::nullopt;
}

std::optional<Claim> AnnotationStore::claimByTitle(const QString &title) const
{
    // SQLite's NOCASE folds ASCII only; compare in Qt for the rest.
    const QString wanted = title.trimmed();
    for (const Claim &c : claims()) {
        if (c.title.compare(wanted, Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

QList<Claim> AnnotationStore::claims() const
{
    QList<Claim> result;
    QSqlQuery q = prepared(QStringLiteral("SELECT %1 FROM claims ORDER BY id").arg(ClaimColumns));
    q.setForwardOnly(true);
    if (q.exec()) {
        while (q.next())
            result.append(claimFrom(q));
    }
    return result;
}

ClaimSnapshot AnnotationStore::snapshotOfClaim(qint64 id) const
{
    ClaimSnapshot s;
    if (auto c = claim(id))
        s.claim = *c;
    s.appearances = appearancesOfClaim(id);
    s.tags = tagsOfClaim(id);
    s.evidence = evidenceOf(id);
    return s;
}

bool AnnotationStore::restoreClaim(const ClaimSnapshot &s)
{
    Batch batch(*this);
    if (!addClaim(s.claim))
        return false;
    for (const Appearance &a : s.appearances) {
        if (!link(a))
            return false;
    }
    if (!s.tags.isEmpty() && !setClaimTags(s.claim.id, s.tags))
        return false;
    for (const Evidence &e : s.evidence) {
        if (!addEvidence(e))
            return false;
    }
    return batch.commit();
}

bool AnnotationStore::link(const Appearance &a)
{
    if (!begin())
        return false;
    QSqlQuery q = prepared(QStringLiteral("INSERT INTO appearances(highlight_id, claim_id, wording) VALUES (?, ?, ?)"));
    const bool ok = run(q, {a.highlightId, a.claimId, wordingKey(a.wording)}, &m_lastError);
    const qint64 h = a.highlightId, c = a.claimId;
    if (ok)
        later([this, h, c] { Q_EMIT appearanceAdded(h, c); });
    return end(ok);
}

bool AnnotationStore::unlink(qint64 highlightId, qint64 claimId)
{
    if (!begin())
        return false;
    QSqlQuery q = prepared(QStringLiteral("DELETE FROM appearances WHERE highlight_id = ? AND claim_id = ?"));
    bool ok = run(q, {highlightId, claimId}, &m_lastError);
    if (ok && q.numRowsAffected() == 0)
        ok = fail(tr("That highlight is not linked to that claim"));
    if (ok)
        later([this, highlightId, claimId] { Q_EMIT appearanceRemoved(highlightId, claimId); });
    return end(ok);
}

bool AnnotationStore::setWording(qint64 highlightId, qint64 claimId, Wording wording)
{
    if (!begin())
        return false;
    QSqlQuery q
        = prepared(QStringLiteral("UPDATE appearances SET wording = ? WHERE highlight_id = ? AND claim_id = ?"));
    bool ok = run(q, {wordingKey(wording), highlightId, claimId}, &m_lastError);
    if (ok && q.numRowsAffected() == 0)
        ok = fail(tr("That highlight is not linked to that claim"));
    if (ok)
        later([this, highlightId, claimId] { Q_EMIT appearanceChanged(highlightId, claimId); });
    return end(ok);
}

QList<Appearance> AnnotationStore::appearancesOfClaim(qint64 claimId) const
{
    QList<Appearance> result;
    QSqlQuery q = prepared(QStringLiteral("SELECT a.highlight_id, a.claim_id, a.wording FROM appearances a "
                                          "JOIN highlights h ON h.id = a.highlight_id WHERE a.claim_id = ? "
                                          "ORDER BY h.article_id, h.start, h.id"));
    q.addBindValue(claimId);
    if (q.exec()) {
        while (q.next())
            result.append(appearanceFrom(q));
    }
    return result;
}

QList<Appearance> AnnotationStore::appearancesOfHighlight(qint64 highlightId) const
{
    QList<Appearance> result;
    QSqlQuery q
        = prepared(QStringLiteral("SELECT highlight_id, claim_id, wording FROM appearances WHERE highlight_id = ? "
                                  "ORDER BY claim_id"));
    q.addBindValue(highlightId);
    if (q.exec()) {
        while (q.next())
            result.append(appearanceFrom(q));
    }
    return result;
}

QList<Appearance> AnnotationStore::allAppearances() const
{
    QList<Appearance> result;
    QSqlQuery q = prepared(
        QStringLiteral("SELECT highlight_id, claim_id, wording FROM appearances ORDER BY claim_id, highlight_id"));
    q.setForwardOnly(true);
    if (q.exec()) {
        while (q.next())
            result.append(appearanceFrom(q));
    }
    return result;
}

QList<std::pair<Appearance, Highlight>> AnnotationStore::claimedHighlights() const
{
    // Read through SQLite's own calls: a list of claims over tens of thousands of appearances is
    // read on every open, and Qt Sql wraps each value in a QVariant and caches it on the way.
    QList<std::pair<Appearance, Highlight>> result;
    sqlite3_stmt *stmt = rawStatement("SELECT a.highlight_id, a.claim_id, a.wording, h.article_id, h.start, h.end, "
                                      "h.quote, h.note, h.orphaned FROM appearances a JOIN highlights h ON h.id = "
                                      "a.highlight_id");
    if (!stmt)
        return result;
    auto textAt = [stmt](int column) {
        const auto *data = static_cast<const char16_t *>(sqlite3_column_text16(stmt, column));
        return data ? QString::fromUtf16(data, sqlite3_column_bytes16(stmt, column) / 2) : QString();
    };
    // The few wording keys, each turned into its enum once.
    QHash<QByteArray, Wording> wordings;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const QByteArray key(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 2)),
                             sqlite3_column_bytes(stmt, 2));
        auto wording = wordings.constFind(key);
        if (wording == wordings.cend())
            wording = wordings.insert(key, wordingFromKey(QString::fromUtf8(key)));
        Appearance a{sqlite3_column_int64(stmt, 0), sqlite3_column_int64(stmt, 1), *wording};
        Highlight h;
        h.id = a.highlightId;
        h.articleId = sqlite3_column_int64(stmt, 3);
        h.start = sqlite3_column_int(stmt, 4);
        h.end = sqlite3_column_int(stmt, 5);
        h.quote = textAt(6);
        h.note = textAt(7);
        h.orphaned = sqlite3_column_int(stmt, 8) != 0;
        result.append({a, std::move(h)});
    }
    sqlite3_finalize(stmt);
    return result;
}

QList<Appearance> AnnotationStore::appearancesInArticle(qint64 articleId) const
{
    QList<Appearance> result;
    QSqlQuery q = prepared(QStringLiteral("SELECT a.highlight_id, a.claim_id, a.wording FROM appearances a "
                                          "JOIN highlights h ON h.id = a.highlight_id WHERE h.article_id = ? "
                                          "ORDER BY a.highlight_id, a.claim_id"));
    q.setForwardOnly(true);
    q.addBindValue(articleId);
    if (q.exec()) {
        while (q.next())
            result.append(appearanceFrom(q));
    }
    return result;
}

QList<Tag> AnnotationStore::tags() const
{
    QList<Tag> result;
    QSqlQuery q = prepared(QStringLiteral("SELECT id, name, colour, is_status FROM tags ORDER BY is_status DESC, id"));
    if (q.exec()) {
        while (q.next())
            result.append(
                {q.value(0).toLongLong(), q.value(1).toString(), QColor(q.value(2).toString()), q.value(3).toBool()});
    }
    return result;
}

std::optional<Tag> AnnotationStore::tag(qint64 id) const
{
    for (const Tag &t : tags()) {
        if (t.id == id)
            return t;
    }
    return std::nullopt;
}

std::optional<Tag> AnnotationStore::tagByName(const QString &name) const
{
    for (const Tag &t : tags()) {
        if (t.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

qint64 AnnotationStore::addTag(const QString &name, const QColor &colour)
{
    if (name.trimmed().isEmpty()) {
        fail(tr("A tag needs a name"));
        return 0;
    }
    if (tagByName(name)) {
        fail(tr("There is already a tag named %1").arg(name.trimmed()));
        return 0;
    }
    if (!begin())
        return 0;
    QSqlQuery q = prepared(QStringLiteral("INSERT INTO tags(name, colour, is_status) VALUES (?, ?, 0)"));
    const bool ok = run(q, {name.trimmed(), colour.name()}, &m_lastError);
    const qint64 id = ok ? q.lastInsertId().toLongLong() : 0;
    if (ok)
        later([this] { Q_EMIT tagsChanged(); });
    return end(ok) ? id : 0;
}

QList<qint64> AnnotationStore::tagsOfClaim(qint64 claimId) const
{
    QList<qint64> result;
    QSqlQuery q = prepared(QStringLiteral("SELECT tag_id FROM claim_tags WHERE claim_id = ? ORDER BY tag_id"));
    q.addBindValue(claimId);
    if (q.exec()) {
        while (q.next())
            result.append(q.value(0).toLongLong());
    }
    return result;
}

QHash<qint64, QList<qint64>> AnnotationStore::allClaimTags() const
{
    QHash<qint64, QList<qint64>> result;
    QSqlQuery q = prepared(QStringLiteral("SELECT claim_id, tag_id FROM claim_tags ORDER BY claim_id, tag_id"));
    q.setForwardOnly(true);
    if (q.exec()) {
        while (q.next())
            result[q.value(0).toLongLong()].append(q.value(1).toLongLong());
    }
    return result;
}

bool AnnotationStore::setClaimTags(qint64 claimId, const QList<qint64> &tagIds)
{
    if (!begin())
        return false;
    QSqlQuery clear = prepared(QStringLiteral("DELETE FROM claim_tags WHERE claim_id = ?"));
    bool ok = run(clear, {claimId}, &m_lastError);
    QSqlQuery insert = prepared(QStringLiteral("INSERT OR IGNORE INTO claim_tags(claim_id, tag_id) VALUES (?, ?)"));
    for (qint64 tagId : tagIds)
        ok = ok && run(insert, {claimId, tagId}, &m_lastError);
    if (ok)
        later([this, claimId] { Q_EMIT claimChanged(claimId); });
    return end(ok);
}

qint64 AnnotationStore::addEvidence(const Evidence &e)
{
    if (e.url.trimmed().isEmpty()) {
        fail(tr("An evidence link needs a URL"));
        return 0;
    }
    if (!begin())
        return 0;
    QSqlQuery q
        = prepared(QStringLiteral("INSERT INTO evidence(id, claim_id, url, note, created) VALUES (?, ?, ?, ?, ?)"));
    const bool ok = run(q,
                        {idOrNull(e.id), e.claimId, e.url.trimmed(), text(e.note),
                         e.created.isValid() ? e.created.toString(Qt::ISODateWithMs) : now()},
                        &m_lastError);
    const qint64 id = ok ? q.lastInsertId().toLongLong() : 0;
    const qint64 claimId = e.claimId;
    if (ok)
        later([this, claimId] { Q_EMIT claimChanged(claimId); });
    return end(ok) ? id : 0;
}

bool AnnotationStore::removeEvidence(qint64 id)
{
    QSqlQuery find = prepared(QStringLiteral("SELECT claim_id FROM evidence WHERE id = ?"));
    find.addBindValue(id);
    if (!find.exec() || !find.next())
        return fail(tr("No such evidence link"));
    const qint64 claimId = find.value(0).toLongLong();
    find.finish();
    if (!begin())
        return false;
    QSqlQuery q = prepared(QStringLiteral("DELETE FROM evidence WHERE id = ?"));
    const bool ok = run(q, {id}, &m_lastError);
    if (ok)
        later([this, claimId] { Q_EMIT claimChanged(claimId); });
    return end(ok);
}

QList<Evidence> AnnotationStore::evidenceOf(qint64 claimId) const
{
    QList<Evidence> result;
    QSqlQuery q = prepared(
        QStringLiteral("SELECT id, claim_id, url, note, created FROM evidence WHERE claim_id = ? ORDER BY id"));
    q.addBindValue(claimId);
    if (q.exec()) {
        while (q.next())
            result.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                           q.value(3).toString(), timeFrom(q.value(4))});
    }
    return result;
}

int AnnotationStore::reanchor(qint64 articleId, const QString &body)
{
    struct Move {
        qint64 id;
        int start, end;
        bool orphaned;
    };
    QList<Move> moves;
    for (const Highlight &h : highlightsOf(articleId)) {
        const int length = int(h.quote.size());
        if (body.mid(h.start, length) == h.quote && h.end - h.start == length) {
            if (h.orphaned)
                moves.append({h.id, h.start, h.end, false});
            continue;
        }
        // Every place the quote occurs, scored by how much of its context agrees; the nearest
        // to where it was wins a tie.
        int best = -1, bestScore = -1, bestDistance = 0;
        for (qsizetype at = body.indexOf(h.quote); at >= 0; at = body.indexOf(h.quote, at + 1)) {
            const int score = commonSuffix(body.left(at).right(h.prefix.size()), h.prefix)
                + commonPrefix(body.mid(at + length, h.suffix.size()), h.suffix);
            const int distance = std::abs(int(at) - h.start);
            if (score > bestScore || (score == bestScore && distance < bestDistance)) {
                best = int(at);
                bestScore = score;
                bestDistance = distance;
            }
        }
        if (best >= 0)
            moves.append({h.id, best, best + length, false});
        else if (!h.orphaned)
            moves.append({h.id, h.start, h.end, true});
    }
    if (moves.isEmpty())
        return 0;
    if (!begin())
        return 0;
    QSqlQuery q = prepared(QStringLiteral("UPDATE highlights SET start = ?, end = ?, orphaned = ? WHERE id = ?"));
    bool ok = true;
    for (const Move &m : moves) {
        ok = ok && run(q, {m.start, m.end, m.orphaned ? 1 : 0, m.id}, &m_lastError);
        const qint64 id = m.id;
        later([this, id, articleId] { Q_EMIT highlightChanged(id, articleId); });
    }
    return end(ok) ? int(moves.size()) : 0;
}
