/* A C header as real specs include them. */
#ifndef CONFIG_H
#define CONFIG_H
#define BUFFER_SIZE (4 * 1024)
#define PRIORITY(level) (100 + (level))
#define JOIN(a, b) a ## b
#define QUOTE(x) #x
#endif
