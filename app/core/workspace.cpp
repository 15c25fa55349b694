#include "workspace.h"

#include "schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QUrl>
#include <QVariant>

#include <atomic>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

const QByteArray SqliteMagic("SQLite format 3\0", 16);

QString newConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("parallax-workspace-%1").arg(++counter);
}

QString displayName(const QString &path)
{
    return QFileInfo(path).fileName();
}

// Runs one statement; on failure returns false and leaves the reason in *error.
bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = query.lastError().databaseText();
    if (error->isEmpty())
        *error = query.lastError().text();
    return false;
}

QVariant scalar(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next()) {
        *error = query.lastError().databaseText();
        if (error->isEmpty())
            *error = QStringLiteral("no result");
        return {};
    }
    return query.value(0);
}

// Gives the write-ahead log, once, the room of a whole checkpoint cycle (wal_autocheckpoint
// frames of a page and its 24-byte header, after the log's own 32 bytes). Otherwise every commit
// appends to the log and makes it longer, and the sync that ends the commit then has the file's
// new blocks and size to write as well as the pages: on ext4 that took a highlight from
// 0.15 ms to 0.28 ms. SQLite's own file controls do it (a chunk size, then a size hint, on the
// log's file); SQLite never shrinks the log unless journal_size_limit asks, and deletes it when
// the last connection closes. Best effort: without the room (a full disk), commits grow the log.
void reserveLogRoom(QSqlDatabase &db)
{
    QString why;
    const qint64 page = scalar(db, QStringLiteral("PRAGMA page_size"), &why).toLongLong();
    const qint64 frames = scalar(db, QStringLiteral("PRAGMA wal_autocheckpoint"), &why).toLongLong();
    // A read, which opens the log's file.
    if (!scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema"), &why).isValid())
        return;
    sqlite3 *connection = Workspace::sqliteHandleOf(db);
    if (page <= 0 || frames <= 0)
        return;
    sqlite3_file *log = nullptr;
    if (!connection || sqlite3_file_control(connection, "main", SQLITE_FCNTL_JOURNAL_POINTER, &log) != SQLITE_OK || !log
        || !log->pMethods)
        return;
    int chunk = 64 * 1024;
    sqlite3_int64 size = 32 + frames * (24 + page);
    if (log->pMethods->xFileControl(log, SQLITE_FCNTL_CHUNK_SIZE, &chunk) == SQLITE_OK)
        log->pMethods->xFileControl(log, SQLITE_FCNTL_SIZE_HINT, &size);
}

// How many rows point at a missing row (PRAGMA foreign_key_check), and in *first, if asked, the
// tables of the first one; -1 when the check cannot run (the reason in *error).
int danglingRows(QSqlDatabase &db, QString *error, QString *first = nullptr)
{
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
        *error = check.lastError().databaseText();
        return -1;
    }
    int rows = 0;
    while (check.next()) {
        if (rows++ == 0 && first)
            *first = QStringLiteral("a row of %1 pointing at a missing row of %2")
                         .arg(check.value(0).toString(), check.value(2).toString());
    }
    return rows;
}

// Checks the file header before SQLite sees the file, so that a text file or an image gets a
// plain message instead of SQLite's "file is not a database".
bool looksLikeSqlite(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return true; // a new workspace
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot be read (%2)").arg(displayName(path), file.errorString());
        return false;
    }
    if (file.read(16) != SqliteMagic) {
        *error = QStringLiteral("%1: not a Parallax workspace (it is not an SQLite database)").arg(displayName(path));
        return false;
    }
    return true;
}

// ---------------------------------------------------------------- the write lock

// One lock per workspace file and process, shared by every Workspace of the process that opens
// it (a window and a command in one process do not lock each other out).
struct HeldLock {
    int fd = -1;
    int users = 0;
};
QMutex lockMutex;
QHash<QString, HeldLock> heldLocks;

QString lockPathFor(const QString &path)
{
    return path + QStringLiteral("-lock");
}

// The file's absolute path with its folder resolved, so that two spellings share one lock.
QString lockKeyFor(const QString &path)
{
    const QFileInfo info(path);
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return (folder.isEmpty() ? info.absolutePath() : folder) + QLatin1Char('/') + info.fileName();
}

enum class LockResult { Acquired, HeldElsewhere, Unwritable };

// Takes the write lock for key: an exclusive flock on KEY-lock, which the kernel drops when the
// process ends however it ends. *detail is who holds it, or why the lock file cannot be made.
LockResult acquireLock(const QString &key, QString *detail)
{
    QMutexLocker locker(&lockMutex);
    if (auto it = heldLocks.find(key); it != heldLocks.end()) {
        ++it->users;
        return LockResult::Acquired;
    }
    const QByteArray lockPath = QFile::encodeName(lockPathFor(key));
    for (int attempt = 0; attempt < 8; ++attempt) {
        const int fd = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) {
            *detail = QString::fromLocal8Bit(strerror(errno));
            return LockResult::Unwritable;
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            char buffer[256] = {};
            const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
            ::close(fd);
            const QStringList holder = QString::fromUtf8(buffer, n > 0 ? n : 0).split(QLatin1Char('\n'));
            *detail = holder.size() >= 2 && !holder.at(0).isEmpty()
                ? QStringLiteral("process %1 on %2").arg(holder.at(0), holder.at(1))
                : QStringLiteral("another process");
            return LockResult::HeldElsewhere;
        }
        // The holder before us may have removed the lock file between our open and our flock:
        // then we hold a lock on a file nobody else sees, and must start again.
        struct stat opened{}, named{};
        if (::fstat(fd, &opened) != 0 || ::stat(lockPath.constData(), &named) != 0 || opened.st_ino != named.st_ino
            || opened.st_dev != named.st_dev) {
            ::close(fd);
            continue;
        }
        const QByteArray who
            = QByteArray::number(qint64(::getpid())) + '\n' + QSysInfo::machineHostName().toUtf8() + '\n';
        if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, who.constData(), size_t(who.size()), 0) != who.size()) {
            // The lock is held all the same; only the message for others is missing.
        }
        heldLocks.insert(key, HeldLock{fd, 1});
        return LockResult::Acquired;
    }
    *detail = QStringLiteral("the lock file keeps changing");
    return LockResult::HeldElsewhere;
}

void releaseLock(const QString &key)
{
    QMutexLocker locker(&lockMutex);
    auto it = heldLocks.find(key);
    if (it == heldLocks.end() || --it->users > 0)
        return;
    // Removed while still held, so nobody can take a lock on a file that is about to go.
    ::unlink(QFile::encodeName(lockPathFor(key)).constData());
    ::close(it->fd);
    heldLocks.erase(it);
}

quint64 inodeOf(const QByteArray &encodedPath)
{
    struct stat st{};
    return ::stat(encodedPath.constData(), &st) == 0 ? quint64(st.st_ino) : 0;
}

bool folderIsWritable(const QString &path)
{
    return ::access(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), W_OK) == 0;
}

ArticleSummary summaryFrom(const QSqlQuery &q)
{
    ArticleSummary a;
    a.id = q.value(0).toLongLong();
    a.headline = q.value(1).toString();
    a.outlet = q.value(2).toString();
    a.author = q.value(3).toString();
    a.url = q.value(4).toString();
    a.published = q.value(5).toString();
    a.imported = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
    a.sourceName = q.value(7).toString();
    a.format = q.value(8).toString();
    a.shown = q.value(9).toBool();
    return a;
}

// A null QString binds as SQL NULL; text columns hold '' for "none".
QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

const QString SummaryColumns
    = QStringLiteral("id, headline, outlet, author, url, published, imported, source_name, original_format, shown");

} // namespace

Workspace::Workspace(QString path, QString connection)
    : m_path(std::move(path))
    , m_connection(std::move(connection))
    , m_encodedPath(QFile::encodeName(m_path))
{
}

Workspace::~Workspace()
{
    Q_EMIT closing();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    if (!m_lockKey.isEmpty())
        releaseLock(m_lockKey);
}

std::unique_ptr<Workspace> Workspace::open(const QString &path, QString *error, Check check)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QString name = displayName(path);
    if (QFileInfo(path).isDir()) {
        *error = QStringLiteral("%1: is a folder, not a workspace file").arg(name);
        return nullptr;
    }
    if (!looksLikeSqlite(path, error))
        return nullptr;

    const QString connection = newConnectionName();
    // Owns the connection from here on: its destructor removes it on every early return.
    std::unique_ptr<Workspace> ws(new Workspace(path, connection));
    const bool exists = QFileInfo::exists(path);
    const QFileInfo info(path);
    // No write permission for anyone counts too: root may write such a file, but its owner meant
    // it to be kept as it is.
    constexpr QFile::Permissions anyWrite = QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther;
    if (exists && (!info.isWritable() || !(info.permissions() & anyWrite))) {
        ws->m_readOnlyReason = QStringLiteral("the file is read-only");
    } else if (!QFileInfo(info.absolutePath()).isDir()) {
        *error = QStringLiteral("%1: its folder %2 does not exist").arg(name, info.absolutePath());
        return nullptr;
    } else if (!folderIsWritable(path)) {
        ws->m_readOnlyReason = QStringLiteral("its folder cannot be written");
    } else {
        QString detail;
        const QString key = lockKeyFor(path);
        switch (acquireLock(key, &detail)) {
        case LockResult::Acquired:
            ws->m_lockKey = key;
            break;
        case LockResult::HeldElsewhere:
            ws->m_readOnlyReason = QStringLiteral("it is open in another Parallax (%1)").arg(detail);
            break;
        case LockResult::Unwritable:
            ws->m_readOnlyReason = QStringLiteral("its folder cannot be written (%1)").arg(detail);
            break;
        }
    }
    const bool readOnly = ws->isReadOnly();
    if (readOnly && (!exists || info.size() == 0)) {
        *error = QStringLiteral("%1: cannot be created: %2").arg(name, ws->m_readOnlyReason);
        return nullptr;
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(path);
    // Another process (or a second window) may hold the write lock for a moment.
    db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY")
                                  : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        *error = QStringLiteral("%1: cannot be opened (%2)").arg(name, db.lastError().databaseText());
        return nullptr;
    }
    if (readOnly) {
        // A read-only connection to a write-ahead-logged file needs its shared-memory index, which
        // SQLite cannot make in a folder it cannot write: then the file is read as immutable
        // (nobody can be writing it there either).
        QString probe;
        if (!scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema"), &probe).isValid()) {
            db.close();
            QUrl url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
            url.setQuery(QStringLiteral("mode=ro&immutable=1"));
            db.setDatabaseName(url.toString(QUrl::FullyEncoded));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
            if (!db.open()) {
                *error = QStringLiteral("%1: cannot be opened (%2)").arg(name, db.lastError().databaseText());
                return nullptr;
            }
        }
    }

    // Nothing below writes to the file until it is known to be ours, sound, and not too new.
    QString why;
    const QVariant appId = scalar(db, QStringLiteral("PRAGMA application_id"), &why);
    const QVariant version = scalar(db, QStringLiteral("PRAGMA user_version"), &why);
    const QVariant tables = scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema"), &why);
    if (!appId.isValid() || !version.isValid() || !tables.isValid()) {
        *error = QStringLiteral("%1: the workspace is damaged and cannot be read (%2)").arg(name, why);
        return nullptr;
    }
    const bool empty = appId.toInt() == 0 && version.toInt() == 0 && tables.toInt() == 0;
    if (!empty && appId.toInt() != Schema::ApplicationId) {
        *error
            = QStringLiteral("%1: not a Parallax workspace (an SQLite database of another program); it was not changed")
                  .arg(name);
        return nullptr;
    }
    const int fileVersion = version.toInt();
    if (fileVersion > Schema::currentVersion()) {
        *error
            = QStringLiteral("%1: written by a newer version of Parallax (workspace format %2; this version reads up "
                             "to %3). Update Parallax to open it; the file was not changed.")
                  .arg(name)
                  .arg(fileVersion)
                  .arg(Schema::currentVersion());
        return nullptr;
    }
    if (!empty && (check == Check::BeforeOpening || fileVersion < Schema::currentVersion())) {
        const QVariant result = scalar(db, QStringLiteral("PRAGMA quick_check"), &why);
        if (result.toString() != QLatin1String("ok")) {
            *error = QStringLiteral("%1: the workspace is damaged (%2); it was not changed")
                         .arg(name, result.isValid() ? result.toString() : why);
            return nullptr;
        }
    }

    ws->m_inode = inodeOf(ws->m_encodedPath);
    if (readOnly) {
        if (fileVersion < Schema::currentVersion()) {
            *error = QStringLiteral("%1: was written by an older Parallax and must be upgraded, but %2; it was not "
                                    "changed")
                         .arg(name, ws->m_readOnlyReason);
            return nullptr;
        }
        return ws;
    }

    // FULL makes a commit durable against power loss too, not only against a crash of the
    // process (about one fdatasync a commit here).
    if (!exec(db, QStringLiteral("PRAGMA synchronous = FULL"), &why)
        || !exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), &why)) {
        *error = QStringLiteral("%1: cannot be opened (%2)").arg(name, why);
        return nullptr;
    }

    if (fileVersion < Schema::currentVersion()) {
        if (fileVersion > 0) {
            // A copy as it was, in case the reader needs to go back to an older Parallax.
            const QString backup = QStringLiteral("%1.v%2.backup").arg(path).arg(fileVersion);
            QFile::remove(backup);
            QSqlQuery vacuum(db);
            vacuum.prepare(QStringLiteral("VACUUM INTO ?"));
            vacuum.addBindValue(backup);
            if (!vacuum.exec()) {
                *error
                    = QStringLiteral("%1: could not make a backup before upgrading it (%2); the file was not changed")
                          .arg(name, vacuum.lastError().databaseText());
                return nullptr;
            }
        }
        // Foreign keys are off while the steps run (a step may rebuild a table, and dropping the
        // old one must not cascade to the rows that point at it) and checked before the commit.
        // SQLite ignores this pragma inside a transaction, so it goes first.
        if (!exec(db, QStringLiteral("PRAGMA foreign_keys = OFF"), &why)) {
            *error = QStringLiteral("%1: cannot be opened (%2)").arg(name, why);
            return nullptr;
        }
        const auto keysBackOn = qScopeGuard([&db] {
            QString notReported;
            exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), &notReported);
        });
        // All steps in one transaction: a failure leaves the file exactly at its old version.
        if (!db.transaction()) {
            *error = QStringLiteral("%1: cannot be written (%2)").arg(name, db.lastError().databaseText());
            return nullptr;
        }
        const int danglingBefore = danglingRows(db, &why);
        bool ok = danglingBefore >= 0;
        for (int step = fileVersion; ok && step < Schema::currentVersion(); ++step) {
            for (const QString &sql : Schema::migrations().at(step)) {
                if (!(ok = exec(db, sql, &why)))
                    break;
            }
            // PRAGMA takes no bound parameters; the value is our own integer.
            ok = ok && exec(db, QStringLiteral("PRAGMA user_version = %1").arg(step + 1), &why);
            if (!ok)
                why = QStringLiteral("upgrade to format %1 failed: %2").arg(step + 1).arg(why);
        }
        ok = ok && exec(db, QStringLiteral("PRAGMA application_id = %1").arg(Schema::ApplicationId), &why);
        if (ok) {
            // A row the steps left pointing at nothing fails the upgrade (one the file already
            // had is not the upgrade's doing, and must not lock the reader out of the file).
            QString first;
            const int after = danglingRows(db, &why, &first);
            if (after < 0) {
                ok = false;
            } else if (after > danglingBefore) {
                ok = false;
                why = QStringLiteral("the upgrade would leave %1").arg(first);
            }
        }
        if (!ok || !db.commit()) {
            if (ok)
                why = db.lastError().databaseText();
            db.rollback();
            *error = QStringLiteral("%1: %2; the file was not changed").arg(name, why);
            return nullptr;
        }
    }
    // Only now, once the file is known to be good, switch to write-ahead logging (a file stays in
    // it from then on): readers never wait for the writer, and a commit appends to the log.
    const QVariant mode = scalar(db, QStringLiteral("PRAGMA journal_mode = WAL"), &why);
    if (mode.toString() != QLatin1String("wal")) {
        *error
            = QStringLiteral("%1: cannot be opened for writing (%2)").arg(name, mode.isValid() ? mode.toString() : why);
        return nullptr;
    }
    reserveLogRoom(db);
    ws->m_inode = inodeOf(ws->m_encodedPath);
    return ws;
}

sqlite3 *Workspace::sqliteHandleOf(const QSqlDatabase &db)
{
    // QSQLITE hands out its connection as a "sqlite3*" in a QVariant.
    const QVariant v = db.isValid() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

QString Workspace::checkIntegrity(const QString &path)
{
    const QString connection = newConnectionName();
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"));
        // Only damage counts: a file that cannot be opened or read now (moved, deleted, busy) is
        // another matter, which the next write reports.
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA quick_check")) && query.next()) {
                if (query.value(0).toString() != QLatin1String("ok"))
                    problem = query.value(0).toString();
            } else {
                const QString code = query.lastError().nativeErrorCode();
                // SQLITE_CORRUPT and SQLITE_NOTADB, with or without extended bits.
                const int primary = code.toInt() & 0xff;
                if (primary == 11 || primary == 26)
                    problem = query.lastError().databaseText();
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (problem.isEmpty())
        return {};
    return QStringLiteral("%1: the workspace is damaged (%2)").arg(displayName(path), problem.simplified());
}

bool Workspace::fileIsGone() const
{
    return m_inode != 0 && inodeOf(m_encodedPath) != m_inode;
}

QString Workspace::explainWriteFailure(const QString &sqliteText) const
{
    const QString name = displayName(m_path);
    if (fileIsGone()) {
        // The open connection still reads the file it opened: copy what it holds to a safe place.
        if (m_rescuePath.isEmpty()) {
            const QString folder
                = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/Recovered");
            QDir().mkpath(folder);
            const QString target = QStringLiteral("%1/%2 %3.parallax")
                                       .arg(folder, QFileInfo(m_path).completeBaseName(),
                                            QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd hhmmss")));
            QSqlQuery vacuum(QSqlDatabase::database(m_connection));
            vacuum.prepare(QStringLiteral("VACUUM INTO ?"));
            vacuum.addBindValue(target);
            if (vacuum.exec())
                m_rescuePath = target;
        }
        QString message = QStringLiteral("%1 was moved or deleted while open (or its folder was); this change was "
                                         "not saved.")
                              .arg(name);
        if (!m_rescuePath.isEmpty())
            message += QStringLiteral(" Everything saved before it was copied to %1.").arg(m_rescuePath);
        return message;
    }
    const QString lower = sqliteText.toLower();
    if (lower.contains(QLatin1String("disk is full")) || lower.contains(QLatin1String("database or disk is full")))
        return QStringLiteral("%1: the disk is full; this change was not saved (the workspace is as it was before "
                              "it). Free some space and try again.")
            .arg(name);
    if (isReadOnly() || lower.contains(QLatin1String("readonly")) || lower.contains(QLatin1String("read-only")))
        return QStringLiteral("%1 is read-only (%2); this change was not saved")
            .arg(name, isReadOnly() ? m_readOnlyReason : sqliteText);
    if (lower.contains(QLatin1String("disk i/o error")))
        return QStringLiteral("%1 could not be written (a disk error); this change was not saved").arg(name);
    return sqliteText; // not a matter of storage (a constraint, a missing row...): SQLite's words
}

bool Workspace::fail(const QString &message) const
{
    m_lastError = message;
    return false;
}

QString Workspace::title() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT value FROM workspace_properties WHERE key = 'title'"));
    if (q.exec() && q.next())
        return q.value(0).toString();
    return QFileInfo(m_path).completeBaseName();
}

bool Workspace::setTitle(const QString &title)
{
    if (isReadOnly() || fileIsGone())
        return fail(explainWriteFailure(QStringLiteral("attempt to write a readonly database")));
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO workspace_properties(key, value) VALUES ('title', ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(title);
    if (!q.exec())
        return fail(explainWriteFailure(q.lastError().databaseText()));
    Q_EMIT titleChanged(title);
    return true;
}

int Workspace::articleCount() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (q.exec(QStringLiteral("SELECT count(*) FROM articles")) && q.next())
        return q.value(0).toInt();
    return 0;
}

QList<ArticleSummary> Workspace::articles() const
{
    QList<ArticleSummary> result;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM articles ORDER BY id").arg(SummaryColumns))) {
        fail(q.lastError().databaseText());
        return result;
    }
    while (q.next()) {
        result.append(summaryFrom(q));
        result.last().shown = m_shownInMemory.value(result.last().id, result.last().shown);
    }
    return result;
}

std::optional<ArticleSummary> Workspace::article(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM articles WHERE id = ?").arg(SummaryColumns));
    q.addBindValue(id);
    if (q.exec() && q.next()) {
        ArticleSummary a = summaryFrom(q);
        a.shown = m_shownInMemory.value(a.id, a.shown);
        return a;
    }
    return std::nullopt;
}

QString Workspace::articleBody(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT body FROM articles WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

QByteArray Workspace::articleOriginal(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT original FROM articles WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return q.value(0).toByteArray();
    return {};
}

QList<Workspace::AddResult> Workspace::addArticles(const QList<ArticleDraft> &drafts)
{
    QList<AddResult> results(drafts.size());
    if (drafts.isEmpty())
        return results;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    auto failAll = [&](const QString &sqliteText) {
        const QString why = explainWriteFailure(sqliteText);
        for (AddResult &r : results) {
            r = AddResult{};
            r.error = why;
        }
        m_lastError = why;
        return results;
    };
    if (isReadOnly() || fileIsGone())
        return failAll(QStringLiteral("attempt to write a readonly database"));
    if (!db.transaction())
        return failAll(db.lastError().databaseText());

    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT id FROM articles WHERE original_sha256 = ?"));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO articles(headline, body, outlet, author, url, published, imported, original, original_format, "
        "source_name, original_encoding, original_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery savepoint(db);
    QList<qint64> added;
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        const ArticleDraft &d = drafts.at(i);
        const QByteArray digest = QCryptographicHash::hash(d.original, QCryptographicHash::Sha256);
        find.addBindValue(digest);
        if (find.exec() && find.next()) {
            results[i].id = find.value(0).toLongLong();
            results[i].duplicate = true;
            find.finish();
            continue;
        }
        find.finish();
        // A savepoint per article: one that fails to insert leaves nothing behind, the rest go on.
        savepoint.exec(QStringLiteral("SAVEPOINT article"));
        const QVariantList values = {
            text(d.headline), text(d.body),   text(d.outlet),     text(d.author),   text(d.url), text(d.published), now,
            d.original,       text(d.format), text(d.sourceName), text(d.encoding), digest};
        for (const QVariant &v : values)
            insert.addBindValue(v);
        if (insert.exec()) {
            results[i].id = insert.lastInsertId().toLongLong();
            added.append(results[i].id);
            savepoint.exec(QStringLiteral("RELEASE article"));
        } else {
            results[i].error = explainWriteFailure(insert.lastError().databaseText());
            savepoint.exec(QStringLiteral("ROLLBACK TO article"));
            savepoint.exec(QStringLiteral("RELEASE article"));
        }
    }
    savepoint.finish();
    if (!db.commit()) {
        const QString why = db.lastError().databaseText();
        db.rollback();
        if (added.isEmpty())
            return results; // every insert already failed with its own reason (a full disk may end the transaction)
        return failAll(why);
    }
    if (!added.isEmpty())
        Q_EMIT articlesAdded(added);
    return results;
}

bool Workspace::setArticleShown(qint64 id, bool shown)
{
    if (isReadOnly()) {
        // Which articles are shown is a view setting: a read-only workspace keeps it in memory.
        const std::optional<ArticleSummary> a = article(id);
        if (!a)
            return fail(QStringLiteral("No such article"));
        if (a->shown != shown) {
            m_shownInMemory.insert(id, shown);
            Q_EMIT articleChanged(id);
        }
        return true;
    }
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE articles SET shown = ? WHERE id = ? AND shown != ?"));
    q.addBindValue(shown ? 1 : 0);
    q.addBindValue(id);
    q.addBindValue(shown ? 1 : 0);
    if (!q.exec())
        return fail(explainWriteFailure(q.lastError().databaseText()));
    if (q.numRowsAffected() > 0)
        Q_EMIT articleChanged(id);
    return true;
}
