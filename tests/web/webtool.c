/*
 * webtool: raw-socket clients for the hostile tests of firstline serve,
 * where curl is too polite.
 *
 *   webtool raw HOST PORT            send stdin as is, print the answer
 *   webtool split HOST PORT K        the same in two pieces: the first K
 *                                    bytes, a pause (0.3 s, so that the
 *                                    server reads them alone), the rest
 *   webtool idle HOST PORT N SECS    open N connections, send half a
 *                                    request line, then nothing; print how
 *                                    many the server closed within SECS
 *                                    and after how many seconds the last
 *
 * Every wait is bounded (poll with a timeout): it never hangs a test.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int
tool_connect(const char *host, int port)
{
	struct sockaddr_in sin;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_port = htons((unsigned short)port);
	if (inet_pton(AF_INET, host, &sin.sin_addr) != 1 ||
	    connect(fd, (struct sockaddr *)&sin, sizeof sin) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static double
tool_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
tool_raw(const char *host, int port, size_t split)
{
	char buf[65536];
	size_t n = fread(buf, 1, sizeof buf, stdin);
	struct pollfd p;
	ssize_t r;
	int fd = tool_connect(host, port), one = 1;
	double end = tool_now() + 20;

	if (fd < 0) {
		perror("webtool: connect");
		return 1;
	}
	if (split > 0 && split < n) {
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		if (write(fd, buf, split) != (ssize_t)split) {
			perror("webtool: write");
			return 1;
		}
		poll(NULL, 0, 300);
		memmove(buf, buf + split, n - split);
		n -= split;
	}
	if (write(fd, buf, n) != (ssize_t)n) {
		perror("webtool: write");
		return 1;
	}
	shutdown(fd, SHUT_WR);
	p.fd = fd;
	p.events = POLLIN;
	while (tool_now() < end && poll(&p, 1, 1000) >= 0) {
		if (!(p.revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		if ((r = read(fd, buf, sizeof buf)) <= 0)
			break;
		fwrite(buf, 1, (size_t)r, stdout);
	}
	close(fd);
	return 0;
}

static int
tool_idle(const char *host, int port, int n, int secs)
{
	struct pollfd *p = calloc((size_t)n, sizeof *p);
	double start = tool_now(), last = 0;
	int i, open = 0, closed = 0, refused = 0;
	char buf[4096];

	for (i = 0; i < n; i++) {
		p[i].fd = tool_connect(host, port);
		p[i].events = POLLIN;
		if (p[i].fd < 0) {
			refused++;
			continue;
		}
		if (write(p[i].fd, "GET / HT", 8) != 8)
			refused++;
		open++;
	}
	printf("opened %d\n", open);
	fflush(stdout);
	while (closed < open && tool_now() - start < secs) {
		if (poll(p, (nfds_t)n, 500) <= 0)
			continue;
		for (i = 0; i < n; i++) {
			if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP |
			    POLLERR)))
				continue;
			if (read(p[i].fd, buf, sizeof buf) > 0)
				continue;
			close(p[i].fd);
			p[i].fd = -1;
			closed++;
			last = tool_now() - start;
		}
	}
	printf("opened %d closed %d refused %d last %.1f\n", open, closed,
	    refused, last);
	for (i = 0; i < n; i++)
		if (p[i].fd >= 0)
			close(p[i].fd);
	free(p);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "raw") == 0)
		return tool_raw(argv[2], atoi(argv[3]), 0);
	if (argc == 5 && strcmp(argv[1], "split") == 0)
		return tool_raw(argv[2], atoi(argv[3]),
		    (size_t)strtoul(argv[4], NULL, 10));
	if (argc == 6 && strcmp(argv[1], "idle") == 0)
		return tool_idle(argv[2], atoi(argv[3]), atoi(argv[4]),
		    atoi(argv[5]));
	fprintf(stderr, "usage: webtool raw HOST PORT | split HOST PORT K | "
	    "idle HOST PORT N SECS\n");
	return 2;
}
