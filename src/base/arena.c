/* The per-session arena: a bump allocator over one first region (the
 * caller's scratch memory or a single heap block) plus heap blocks added
 * only when edits outgrow it. Everything is released at once. */
#include "base.h"

#include <stdlib.h>

struct sdpxi_block {
    sdpxi_block *next;
    size_t size;
};

/* The smallest heap block an arena asks for once its first region is full. */
#define SDPXI_MIN_BLOCK 4096u

/* Arena debug mode (configure --enable-arena-debug, or -DSDPXI_ARENA_DEBUG):
 * every object carved from a block the arena owns is followed by a red zone
 * of SDPXI_REDZONE bytes, which an AddressSanitizer build poisons, so a
 * write from one arena object into the next is reported like a heap
 * overflow. A caller's scratch region gets no red zones (its memory is the
 * caller's to reuse after the session). */
#if defined(SDPXI_ARENA_DEBUG) && defined(SDPXI_ASAN)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

void *sdpxi_default_alloc(void *ctx, size_t n)
{
    (void)ctx;
    return malloc(n);
}

void sdpxi_default_release(void *ctx, void *p, size_t n)
{
    (void)ctx;
    (void)n;
    free(p);
}

void sdpxi_arena_init(sdpxi_arena *a, const sdpx_allocator *alloc, int no_heap,
                      void *region, size_t size)
{
    a->cur = region;
    a->left = size;
    a->blocks = NULL;
    a->no_heap = no_heap;
    if (alloc) {
        a->alloc = *alloc;
    } else {
        a->alloc.alloc = sdpxi_default_alloc;
        a->alloc.release = sdpxi_default_release;
        a->alloc.ctx = NULL;
    }
}

/* Is the arena's current region the newest heap block (not caller memory)? */
static int cur_owned(const sdpxi_arena *a)
{
    const char *b = (const char *)a->blocks;
    return SDPXI_REDZONE && b && a->cur >= b && a->cur <= b + a->blocks->size;
}

void *sdpxi_arena_alloc(sdpxi_arena *a, size_t n)
{
    size_t pad = (size_t)(-(uintptr_t)a->cur & (SDPXI_ALIGN - 1));
    size_t rz = cur_owned(a) ? SDPXI_REDZONE : 0;
    if (a->cur && n <= a->left && rz <= a->left - n && pad <= a->left - n - rz) {
        char *p = a->cur + pad;
        a->cur += pad + n + rz;
        a->left -= pad + n + rz;
        POISON(p + n, rz);
        return p;
    }
    if (a->no_heap)
        return NULL;
    size_t hdr = SDPXI_ALIGN_UP(sizeof(sdpxi_block));
    if (n > SIZE_MAX - hdr - SDPXI_REDZONE)
        return NULL;
    size_t want = n + SDPXI_REDZONE > SDPXI_MIN_BLOCK ? n + SDPXI_REDZONE : SDPXI_MIN_BLOCK;
    sdpxi_block *b = a->alloc.alloc(a->alloc.ctx, hdr + want);
    if (!b)
        return NULL;
    b->next = a->blocks;
    b->size = hdr + want;
    a->blocks = b;
    char *p = (char *)b + hdr;
    a->cur = p + n + SDPXI_REDZONE;
    a->left = want - n - SDPXI_REDZONE;
    POISON(p + n, SDPXI_REDZONE);
    return p;
}

void *sdpxi_block_new(const sdpx_allocator *al, size_t n)
{
    size_t hdr = SDPXI_ALIGN_UP(sizeof(sdpxi_block));
    if (n > SIZE_MAX - hdr)
        return NULL;
    sdpxi_block *b = al->alloc(al->ctx, hdr + n);
    if (!b)
        return NULL;
    b->next = NULL;
    b->size = hdr + n;
    return (char *)b + hdr;
}

void sdpxi_arena_adopt(sdpxi_arena *a, void *usable)
{
    sdpxi_block *b = (sdpxi_block *)((char *)usable - SDPXI_ALIGN_UP(sizeof(sdpxi_block)));
    sdpxi_block **tail = &a->blocks;
    while (*tail)
        tail = &(*tail)->next;
    *tail = b; /* oldest last: it is released last */
}

char *sdpxi_arena_strdup(sdpxi_arena *a, const char *p, size_t n)
{
    char *d = sdpxi_arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    if (n)
        memcpy(d, p, n);
    d[n] = '\0';
    return d;
}

void sdpxi_arena_release(sdpxi_arena *a)
{
    sdpxi_block *b = a->blocks;
    sdpx_allocator al = a->alloc;
    a->blocks = NULL;
    while (b) {
        sdpxi_block *next = b->next;
        UNPOISON(b, b->size); /* the allocator may hand the block out again */
        al.release(al.ctx, b, b->size);
        b = next;
    }
}

size_t sdpxi_arena_held(const sdpxi_arena *a)
{
    size_t n = 0;
    for (const sdpxi_block *b = a->blocks; b; b = b->next)
        n += b->size;
    return n;
}

void sdpxi_arena_take(sdpxi_arena *a, sdpxi_arena *fresh, void *keep)
{
    sdpxi_block *kept = NULL, *b = a->blocks;
    size_t hdr = SDPXI_ALIGN_UP(sizeof(sdpxi_block));
    while (b) {
        sdpxi_block *next = b->next;
        if (keep && (char *)b + hdr == (char *)keep) {
            kept = b;
        } else {
            UNPOISON(b, b->size); /* the allocator may hand the block out again */
            a->alloc.release(a->alloc.ctx, b, b->size);
        }
        b = next;
    }
    a->blocks = fresh->blocks;
    a->cur = fresh->cur;
    a->left = fresh->left;
    fresh->blocks = NULL;
    if (kept) {
        kept->next = NULL;
        sdpxi_arena_adopt(a, keep);
    }
}

void sdpxi_block_free(const sdpx_allocator *al, void *usable)
{
    sdpxi_block *b = (sdpxi_block *)((char *)usable - SDPXI_ALIGN_UP(sizeof(sdpxi_block)));
    al->release(al->ctx, b, b->size);
}

int sdpxi_arena_unalloc(sdpxi_arena *a, void *p, size_t n)
{
    if (!p || (char *)p + n != a->cur)
        return 0;
    a->cur = p;
    a->left += n;
    return 1;
}
