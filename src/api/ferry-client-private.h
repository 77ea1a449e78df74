/* ferry-client-private.h: what the files of FerryClient share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ferry-client.c queues and sends requests; ferry-client-answer.c reads each answer (capped,
 * streamed to a part file for downloads) and decides what it means (done, retried, redirected,
 * failed).
 */

#pragma once

#include <libsoup/soup.h>

#include "ferry-client.h"

G_BEGIN_DECLS

#define MAX_IN_FLIGHT    4
#define MAX_ATTEMPTS     4    /* for 5xx, dropped connections and broken answers */
#define MAX_RATE_WAITS   6    /* for 429s */
#define MAX_STALLS       2    /* tries of a request whose connection fell silent */
#define MAX_REDIRECTS    5
#define MAX_RETRY_AFTER  900  /* s: the longest wait a Retry-After gets, in one go */
#define SHORT_WAIT       1    /* s: a wait no longer gives its connection slot back */

/* Every body has a cap (api-facts; issue 12 #4): an endless answer once reached 3 GB in 28 s. */
#define MAX_ANSWER_SIZE    (8 * 1024 * 1024)    /* an API answer, an ActivityPub document */
#define MAX_ERROR_BODY     (64 * 1024)          /* what is read of an error's answer */
#define MAX_FILE_IN_MEMORY (16 * 1024 * 1024)   /* get_bytes: avatars, headers */
#define MAX_FILE_SIZE      (100 * 1024 * 1024)  /* a download to disk with no limit known */
#define READ_CHUNK         (256 * 1024)

/* Every request has a deadline, whole, besides the idle timeout (issue 12 #6). */
#define CALL_DEADLINE    90   /* s: one try of an API call, headers to last byte */
#define FILE_DEADLINE    900  /* s: one try of a download */
#define IDLE_TIMEOUT     30   /* s of silence on a connection */

struct _FerryClient
{
  GObject           parent_instance;

  char             *base_url;
  char             *host;
  char             *token;
  GUri             *origin;    /* owned: the base URL, parsed; the token goes nowhere else */
  SoupSession      *session;   /* owned */
  FerryRateLimiter *limiter;   /* owned */
  double            time_scale;
  guint             in_flight;
  gboolean          pumping;   /* in pump(): a slot given back needs no pump of its own */
  GQueue            queue;     /* GTask*, API calls waiting for a slot */
  GQueue            files;     /* GTask*, downloads waiting: API calls go first */
  guint             retries;
  gsize             max_answer;
  goffset           max_file;
  guint             call_deadline;
  guint             file_deadline;
};


typedef struct
{
  FerryClient *client;   /* unowned: the task holds a reference */
  char        *method;
  char        *url;
  char        *body;     /* form-encoded, for anything but GET */
  char        *idempotency_key; /* the Idempotency-Key header, or NULL */
  SoupMultipart *multipart; /* or a multipart form (files) */
  gboolean     follow;   /* POST …/follow: Mastodon's daily follows limit applies */
  FerryRateLimits limits; /* the throttles that count it */
  gboolean     raw;
  const char  *accept;   /* for raw downloads: what to ask for; NULL for anything */
  gboolean     report_redirect; /* answer with the status and Location (FerryRedirectCheck) */
  int          priority;
  guint        attempts;
  guint        rate_waits;
  guint        stalls;
  guint        redirects;
  gboolean     holds_slot;
  char        *next_url;
  char        *path;     /* owned: a download's file; written as a part file beside it */
  goffset      max_size; /* what a successful answer may hold */

  /* The try in flight. */
  SoupMessage   *msg;       /* owned */
  GInputStream  *stream;    /* owned: the answer's body */
  GCancellable  *cancellable; /* owned: the task's */
  GCancellable  *attempt;   /* owned: cancelled by the task's cancellable or the deadline */
  gulong         forward_id;
  GSource       *deadline;  /* owned */
  gboolean       timed_out; /* the deadline cancelled it */
  gboolean       at_eof;
  guint          status;
  GByteArray    *received;  /* owned: the answer so far, in memory */
  goffset        size;      /* bytes of body so far */
  GFile         *part;      /* owned: the part file of a download */
  GOutputStream *out;       /* owned: writing it */
  GBytes        *chunk;     /* owned: being written */
} Request;

/* ferry-client.c */
char *    _ferry_client_absolute_url      (FerryClient *self,
                                           const char  *path);
void      _ferry_client_enqueue           (FerryClient         *self,
                                           Request             *req,
                                           gpointer             source_tag,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
void      _ferry_client_attempt_end       (Request *req);
GError *  _ferry_client_check_destination (FerryClient *self,
                                           Request     *req);
guint     _ferry_client_request_deadline  (Request *req);
void      _ferry_client_request_done      (GTask *task);
void      _ferry_client_request_start     (GTask *task);
void      _ferry_client_return_error      (GTask  *task,
                                           GError *error);
void      _ferry_client_wait_then_start   (GTask  *task,
                                           double seconds);
void      _ferry_client_emit_waiting      (FerryClient *self,
                                           gint64      seconds);

/* ferry-client-answer.c */
void      _ferry_client_sent_cb           (GObject      *object,
                                           GAsyncResult *result,
                                           gpointer     user_data);

G_END_DECLS
