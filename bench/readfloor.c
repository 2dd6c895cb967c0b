/* The read floor (docs/performance.md; scripts/bench builds it). Physical floor: walk DIR (nftw), open/read/close every *.json, sum bytes. No parsing.
   cc -O2 -o readfloor readfloor.c && ./readfloor DIR */
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
static unsigned long long total, files;
static char buf[1 << 16];
static int cb(const char *p, const struct stat *sb, int type, struct FTW *f) {
  (void)sb; (void)f;
  size_t n = strlen(p);
  if (type != FTW_F || n < 5 || strcmp(p + n - 5, ".json")) return 0;
  int fd = open(p, O_RDONLY);
  if (fd < 0) return 0;
  ssize_t r;
  while ((r = read(fd, buf, sizeof buf)) > 0) total += (unsigned long long)r;
  close(fd);
  files++;
  return 0;
}
int main(int argc, char **argv) {
  if (argc < 2) return 2;
  nftw(argv[1], cb, 64, FTW_PHYS);
  printf("%llu files %llu bytes\n", files, total);
  return 0;
}
