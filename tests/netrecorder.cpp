// Preloaded into a command under test (LD_PRELOAD): every attempt to reach the network, an
// internet socket, a connection or a name lookup, is written to $PARALLAX_NET_LOG and refused.
// tst_security checks the log stays empty while HTML full of remote resources is imported.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <netdb.h>
#include <sys/socket.h>

namespace {
void record(const char *what, int detail)
{
    if (const char *path = std::getenv("PARALLAX_NET_LOG")) {
        if (FILE *f = std::fopen(path, "a")) {
            std::fprintf(f, "%s %d\n", what, detail);
            std::fclose(f);
        }
    }
}
} // namespace

extern "C" {

int socket(int domain, int, int)
{
    record("socket", domain);
    // Local sockets too: an import has no business with any socket.
    errno = EACCES;
    return -1;
}

int connect(int, const struct sockaddr *address, socklen_t)
{
    record("connect", address ? address->sa_family : -1);
    errno = EACCES;
    return -1;
}

int getaddrinfo(const char *, const char *, const struct addrinfo *, struct addrinfo **)
{
    record("getaddrinfo", 0);
    return EAI_FAIL;
}

struct hostent *gethostbyname(const char *)
{
    record("gethostbyname", 0);
    return nullptr;
}
}
