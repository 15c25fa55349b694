#pragma once

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTest>

// Helpers the tests share. They reach the file with their own connection, as another program would.
namespace TestUtil {

inline QByteArray fileDigest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Runs an SQL script (statements separated by ";\n") against a file through its own connection.
inline bool runSqlScript(const QString &dbPath, const QString &script)
{
    const QString name = QStringLiteral("testutil-script");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        ok = db.open();
        QString statement;
        for (const QString &line : script.split(QLatin1Char('\n'))) {
            if (line.trimmed().startsWith(QLatin1String("--")))
                continue;
            statement += line + QLatin1Char('\n');
            if (line.trimmed().endsWith(QLatin1Char(';'))) {
                QSqlQuery q(db);
                if (!q.exec(statement)) {
                    qWarning() << q.lastError().text() << statement;
                    ok = false;
                }
                statement.clear();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// One value from a file through a separate connection.
inline QVariant queryValue(const QString &dbPath, const QString &sql)
{
    const QString name = QStringLiteral("testutil-query");
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                result = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

// What a command did: its exit code (-1 when it crashed or did not finish in time) and output.
struct Run {
    int exitCode = -1;
    QByteArray outBytes;
    QString out;
    QString err;
};

// Runs a program (with env, when given, as its whole environment) and waits for it.
inline Run runProgram(const QString &program, const QStringList &arguments, const QProcessEnvironment &env = {},
                      int timeoutMs = 120000)
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(program, arguments);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    const QByteArray out = p.readAllStandardOutput();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, out, QString::fromUtf8(out),
            QString::fromUtf8(p.readAllStandardError())};
}

// Runs the parallax command with these arguments, as a user's shell would, without a display:
// no command may need one.
inline Run parallax(const QStringList &arguments, int timeoutMs = 60000)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    return runProgram(QStringLiteral(PARALLAX_BINARY), arguments, env, timeoutMs);
}

} // namespace TestUtil
