#include <QTest>
class DetectQualityTest : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(DetectQualityTest)
#include "tst_detectquality.moc"
