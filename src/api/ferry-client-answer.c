/* ferry-client-answer.c: a request's answer: read within its cap, and judged
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-client"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ferry-api-error.h"
#include "ferry-client-private.h"
#include "ferry-client-posting.h"
#include "ferry-handle.h"
#include "ferry-origin.h"

/* 1 s, 2 s, 4 s… with ±25 % jitter, so that many clients do not come back at once. */
static double
backoff (guint attempt)
{
  return (1 << MIN (attempt, 6)) * g_random_double_range (0.75, 1.25);
}

static gboolean
may_repeat (Request *req)
{
  return g_str_equal (req->method, "GET") || g_str_equal (req->method, "HEAD");
}

static char *
parse_next_link (SoupMessageHeaders *headers)
{
  const char *link = soup_message_headers_get_one (headers, "Link");
  g_auto(GStrv) parts = NULL;

  if (link == NULL)
    return NULL;
  parts = g_strsplit (link, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *start = strchr (parts[i], '<');
      const char *end = start ? strchr (start, '>') : NULL;

      if (end != NULL && strstr (end, "rel=\"next\"") != NULL)
        return g_strndup (start + 1, end - start - 1);
    }
  return NULL;
}

static GError *
transport_error (FerryClient  *self,
                 GError       *error)
{
  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    return g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_TLS,
                        /* Translators: %s is a server name */
                        _("The connection to %s is not safe: the server’s certificate is not "
                          "trusted (%s)."), self->host, error->message);
  /* No certificate was involved: the handshake itself failed, most often because the port
   * speaks plain http (GnuTLS: "An unexpected TLS packet was received"). */
  if (error->domain == G_TLS_ERROR)
    return g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_TLS,
                        /* Translators: %s is a server name with its port */
                        _("%s does not answer in https (%s). Ferry talks to servers only over "
                          "https: check the address and its port, which may be for plain "
                          "http."), self->host, error->message);
  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_NETWORK,
                        _("%s could not be found. Check the name, and that you are online."),
                        self->host);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_NETWORK,
                        _("%s refused the connection. The server may be down."), self->host);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_NETWORK,
                        _("%s did not answer in time."), self->host);
  return g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_NETWORK,
                      _("The connection to %s was lost (%s)."), self->host, error->message);
}

static double
retry_after (SoupMessageHeaders *headers)
{
  const char *value = soup_message_headers_get_one (headers, "Retry-After");
  g_autofree char *trimmed = value ? g_strstrip (g_strdup (value)) : NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;
  if (g_ascii_string_to_unsigned (trimmed, 10, 0, G_MAXUINT32, &seconds, NULL))
    return (double) seconds;
  {
    g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
    const char *date = soup_message_headers_get_one (headers, "Date");
    g_autoptr(GDateTime) now = date ? soup_date_time_new_from_http_string (date) : NULL;

    if (when == NULL)
      return -1;
    if (now == NULL)
      now = g_date_time_new_now_utc ();
    return MAX (0, g_date_time_difference (when, now) / (double) G_USEC_PER_SEC);
  }
}

/* When a 429's limit resets, for the error's field: Mastodon's X-RateLimit-Reset (ISO 8601,
 * app/lib/rate_limiter.rb), else Retry-After from the answer's Date. 0 when neither says. */
static gint64
reset_time_of (SoupMessageHeaders *headers)
{
  const char *reset = soup_message_headers_get_one (headers, "X-RateLimit-Reset");
  g_autoptr(GDateTime) when = reset ? g_date_time_new_from_iso8601 (reset, NULL) : NULL;
  double after;

  if (when != NULL)
    return g_date_time_to_unix (when);
  after = retry_after (headers);
  if (after < 0)
    return 0;
  {
    const char *date = soup_message_headers_get_one (headers, "Date");
    g_autoptr(GDateTime) now = date ? soup_date_time_new_from_http_string (date) : NULL;
    gint64 base = now ? g_date_time_to_unix (now) : g_get_real_time () / G_USEC_PER_SEC;

    return base + (gint64) (after + 0.5);
  }
}

/* The error for an answer that was not a success, with its fields (ferry-api-error.h). */
static GError *
answer_error (FerryClient *self,
              SoupMessage *msg,
              guint        status,
              const char  *content_type,
              GBytes      *bytes)
{
  GError *error = ferry_api_error_new_for_response (self->host, status, content_type,
                                                    g_bytes_get_data (bytes, NULL),
                                                    g_bytes_get_size (bytes));

  if (status == 429)
    ferry_api_error_set_reset_time (error,
                                    reset_time_of (soup_message_get_response_headers (msg)));
  return error;
}

static void
fail_request (GTask  *task,
              GError *error)
{
  _ferry_client_attempt_end (g_task_get_task_data (task));
  _ferry_client_return_error (task, error);
}

/* The try failed on the way (connecting, or reading the answer). Takes @error. */
static void
attempt_failed (GTask  *task,
                GError *error_)
{
  Request *req = g_task_get_task_data (task);
  FerryClient *self = req->client;
  g_autoptr(GError) error = error_;
  gboolean timed_out = req->timed_out;

  _ferry_client_attempt_end (req);
  if (g_cancellable_is_cancelled (req->cancellable))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&error);
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
        }
      _ferry_client_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (timed_out)
    {
      /* A body that trickles in forever: the deadline ends it, and another try would only
       * trickle again. */
      guint seconds = _ferry_client_request_deadline (req);

      _ferry_client_return_error (task, g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_NETWORK,
                                       /* Translators: %s is a server name, %u seconds */
                                       g_dngettext (GETTEXT_PACKAGE,
                                                    "%s did not finish answering in %u second.",
                                                    "%s did not finish answering in %u seconds.",
                                                    seconds),
                                       self->host, seconds));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      /* The connection fell silent (a Content-Length that lies looks so): one more try at
       * most, not one per attempt. */
      if (may_repeat (req) && ++req->stalls < MAX_STALLS && ++req->attempts < MAX_ATTEMPTS)
        {
          self->retries++;
          g_debug ("%s %s: %s; trying once more", req->method, req->url, error->message);
          _ferry_client_wait_then_start (task, backoff (req->attempts));
          return;
        }
      _ferry_client_return_error (task, transport_error (self, error));
      return;
    }
  /* A dropped connection: safe to repeat only where the request is. A refused connection
   * never reached the server. */
  if ((may_repeat (req) || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED)) &&
      error->domain != G_TLS_ERROR && error->domain != G_RESOLVER_ERROR &&
      ++req->attempts < MAX_ATTEMPTS)
    {
      self->retries++;
      g_debug ("%s %s: %s; trying again", req->method, req->url, error->message);
      _ferry_client_wait_then_start (task, backoff (req->attempts));
      return;
    }
  _ferry_client_return_error (task, transport_error (self, error));
}

static GError *
too_large_error (FerryClient *self,
                 Request     *req)
{
  g_autofree char *size = g_format_size (req->max_size);

  if (req->path != NULL || req->raw)
    return g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_TOO_LARGE,
                        /* Translators: %s is a server name, then a size such as "100.0 MB" */
                        _("A file on %s is larger than Ferry takes (%s)."), self->host, size);
  return g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_TOO_LARGE,
                      _("%s gave an answer larger than Ferry takes (%s)."), self->host, size);
}

typedef struct
{
  char *part;
  char *path;
} Commit;

static void
commit_free (Commit *commit)
{
  g_free (commit->part);
  g_free (commit->path);
  g_free (commit);
}

/* The part file is whole: synced, then renamed into place. */
static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Commit *commit = task_data;
  int fd = g_open (commit->part, O_RDONLY | O_CLOEXEC, 0);
  int saved;

  if (fd < 0 || fsync (fd) != 0 || close (fd) != 0 || g_rename (commit->part, commit->path) != 0)
    {
      g_autofree char *display = g_filename_display_name (commit->path);

      saved = errno;
      if (fd >= 0)
        close (fd);
      g_unlink (commit->part);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("Could not write “%s”: %s"), display, g_strerror (saved));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
committed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      fail_request (task, error);
      return;
    }
  {
    gssize size = (gssize) req->size;

    _ferry_client_attempt_end (req);
    _ferry_client_request_done (task);
    g_task_return_int (task, size);
    g_object_unref (task);
  }
}

static void
part_closed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GTask) commit_task = NULL;
  Commit *commit;

  if (!g_output_stream_close_finish (G_OUTPUT_STREAM (object), result, &error))
    {
      fail_request (task, error);
      return;
    }
  g_clear_object (&req->out);
  commit = g_new0 (Commit, 1);
  commit->part = g_file_get_path (req->part);
  commit->path = g_strdup (req->path);
  /* Renamed: nothing left to delete. */
  g_clear_object (&req->part);
  commit_task = g_task_new (NULL, NULL, committed_cb, task);
  g_task_set_source_tag (commit_task, part_closed_cb);
  g_task_set_task_data (commit_task, commit, (GDestroyNotify) commit_free);
  g_task_run_in_thread (commit_task, commit_thread);
}

static void answer_done (GTask *task);
static void read_next   (GTask *task);

static void
chunk_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        attempt_failed (task, error);
      else
        fail_request (task, error);
      return;
    }
  g_clear_pointer (&req->chunk, g_bytes_unref);
  read_next (task);
}

static void
chunk_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result,
                                                              &error);
  gsize n;
  gboolean success = SOUP_STATUS_IS_SUCCESSFUL (req->status);

  if (bytes == NULL)
    {
      attempt_failed (task, error);
      return;
    }
  n = g_bytes_get_size (bytes);
  if (n == 0)
    {
      req->at_eof = TRUE;
      answer_done (task);
      return;
    }
  req->size += n;
  if (req->size > (success ? req->max_size : MAX_ERROR_BODY))
    {
      if (success)
        {
          fail_request (task, too_large_error (req->client, req));
          return;
        }
      /* An error's answer: its first part says enough. */
      answer_done (task);
      return;
    }
  if (req->out != NULL)
    {
      req->chunk = g_steal_pointer (&bytes);
      g_output_stream_write_all_async (req->out, g_bytes_get_data (req->chunk, NULL), n,
                                       G_PRIORITY_DEFAULT, req->attempt, chunk_written_cb, task);
      return;
    }
  g_byte_array_append (req->received, g_bytes_get_data (bytes, NULL), n);
  read_next (task);
}

static void
read_next (GTask *task)
{
  Request *req = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (req->stream, READ_CHUNK, G_PRIORITY_DEFAULT, req->attempt,
                                   chunk_read_cb, task);
}

static void
part_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);
  GError *error = NULL;

  req->out = G_OUTPUT_STREAM (g_file_replace_finish (G_FILE (object), result, &error));
  if (req->out == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        attempt_failed (task, error);
      else
        fail_request (task, error);
      return;
    }
  read_next (task);
}

typedef enum
{
  PARSED,
  PARSED_TOO_DEEP,
  PARSED_UNREADABLE,
} ParseOutcome;

/* One answer's JSON, read in a worker thread; the nodes are complete before they are handed
 * back, and nothing else touches them meanwhile. */
typedef struct
{
  GBytes       *bytes;   /* owned */
  gboolean      parse;   /* FALSE: only the depth check (a raw ActivityPub document) */
  ParseOutcome  outcome;
  JsonNode     *root;    /* owned */
} Parse;

static void
parse_free (Parse *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->root, json_node_unref);
  g_free (data);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Parse *data = task_data;
  const char *text = g_bytes_get_data (data->bytes, NULL);
  gsize size = g_bytes_get_size (data->bytes);

  if (ferry_api_json_too_deep (text, size, FERRY_API_MAX_JSON_DEPTH))
    data->outcome = PARSED_TOO_DEEP;
  else if (data->parse)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      if (size == 0 || !json_parser_load_from_data (parser, text, (gssize) size, NULL) ||
          json_parser_get_root (parser) == NULL)
        data->outcome = PARSED_UNREADABLE;
      else
        data->root = json_node_ref (json_parser_get_root (parser));
    }
  g_task_return_boolean (task, TRUE);
}

/* Back on the request's own context (the worker's GTask returns where it was made). */
static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);
  FerryClient *self = req->client;
  Parse *data = g_task_get_task_data (G_TASK (result));
  SoupMessage *msg = req->msg;
  const char *content_type;

  if (g_task_return_error_if_cancelled (task))
    {
      _ferry_client_attempt_end (req);
      _ferry_client_request_done (task);
      g_object_unref (task);
      return;
    }

  if (data->outcome == PARSED_TOO_DEEP)
    {
      /* Not a passing fault: the same answer would come again. */
      fail_request (task, ferry_api_error_new_full (FERRY_API_ERROR_BAD_RESPONSE, req->status,
                                                    NULL,
                                                    _("%s gave an answer nested too deeply to "
                                                      "be read."), self->host));
      return;
    }

  if (req->raw)
    {
      /* An ActivityPub document: JSON the caller parses, checked for depth here. */
      _ferry_client_attempt_end (req);
      _ferry_client_request_done (task);
      g_task_return_pointer (task, g_bytes_ref (data->bytes), (GDestroyNotify) g_bytes_unref);
      g_object_unref (task);
      return;
    }

  if (data->outcome == PARSED_UNREADABLE)
    {
      /* An HTML page, or a body cut short: a passing fault more often than not. */
      if (may_repeat (req) && ++req->attempts < MAX_ATTEMPTS)
        {
          self->retries++;
          _ferry_client_attempt_end (req);
          _ferry_client_wait_then_start (task, backoff (req->attempts));
          return;
        }
      content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg),
                                                            NULL);
      fail_request (task, answer_error (self, msg, req->status, content_type, data->bytes));
      return;
    }

  req->next_url = parse_next_link (soup_message_get_response_headers (msg));
  _ferry_client_attempt_end (req);
  _ferry_client_request_done (task);
  g_task_return_pointer (task, g_steal_pointer (&data->root), (GDestroyNotify) json_node_unref);
  g_object_unref (task);
}

static void
answer_done (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  FerryClient *self = req->client;
  SoupMessage *msg = req->msg;
  g_autoptr(GBytes) bytes = NULL;
  const char *content_type;
  guint status = req->status;

  if (req->out != NULL)
    {
      g_output_stream_close_async (req->out, G_PRIORITY_DEFAULT, NULL, part_closed_cb, task);
      return;
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&req->received));
  content_type =
    soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);

  /* A follow refused with 429 met the daily follows family (api-facts §6), which lasts until
   * midnight UTC: that is for the caller to plan, not a wait inside one request. */
  if (status == 429 && !req->follow && ++req->rate_waits < MAX_RATE_WAITS)
    {
      /* Refused, so not done: it goes again, never at once. The limiter knows the reset when
       * the server told a sane one; a garbage, past or absurd one must not send it again six
       * times in a row: a floor that doubles, and Retry-After within a cap. */
      double floor = backoff (req->rate_waits - 1);
      double after = retry_after (soup_message_get_response_headers (msg));
      double wait = MAX (floor, MIN (after, (double) MAX_RETRY_AFTER));

      g_debug ("%s %s: 429; waiting %.0f s (reset %s, Retry-After %s)", req->method, req->url,
               wait,
               soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                             "X-RateLimit-Reset"),
               soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                             "Retry-After"));
      self->retries++;
      _ferry_client_attempt_end (req);
      _ferry_client_emit_waiting (self, (gint64) (wait + 0.5));
      _ferry_client_wait_then_start (task, wait);
      return;
    }

  if (status >= 500 && status != 501 && may_repeat (req) && ++req->attempts < MAX_ATTEMPTS)
    {
      self->retries++;
      _ferry_client_attempt_end (req);
      _ferry_client_wait_then_start (task, backoff (req->attempts));
      return;
    }

  if (status < 200 || status >= 300)
    {
      fail_request (task, answer_error (self, msg, status, content_type, bytes));
      return;
    }

  if (req->raw && !(req->accept != NULL && strstr (req->accept, "json") != NULL))
    {
      _ferry_client_attempt_end (req);
      _ferry_client_request_done (task);
      g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
      g_object_unref (task);
      return;
    }

  /* The depth check and the parse run in a worker thread: a page of 80 accounts is
   * millions of instructions, and this thread drives every connection. */
  {
    g_autoptr(GTask) parse = g_task_new (NULL, NULL, parsed_cb, task);
    Parse *data = g_new0 (Parse, 1);

    data->bytes = g_steal_pointer (&bytes);
    data->parse = !req->raw;
    g_task_set_source_tag (parse, parse_thread);
    g_task_set_task_data (parse, data, (GDestroyNotify) parse_free);
    g_task_run_in_thread (parse, parse_thread);
  }
}

/* A 3xx: followed only where the request may go (check_destination), and never for what
 * may not be repeated. The token is never sent anywhere else: libsoup does not follow. */
static void
report_redirect (GTask      *task,
                 const char *location)
{
  Request *req = g_task_get_task_data (task);
  FerryRedirectCheck *check = g_new0 (FerryRedirectCheck, 1);
  g_autoptr(FerryHandle) profile = location ? ferry_handle_parse (location, 0, NULL) : NULL;

  check->status = req->status;
  check->location = g_strdup (location);
  /* https://host/@user (or /users/user): whose profile the redirect leads to. */
  if (profile != NULL && profile->username != NULL)
    check->profile = ferry_handle_to_key (profile);
  _ferry_client_attempt_end (req);
  _ferry_client_request_done (task);
  g_task_return_pointer (task, check, (GDestroyNotify) ferry_redirect_check_free);
  g_object_unref (task);
}

static void
redirected (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  FerryClient *self = req->client;
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (req->msg),
                                                       "Location");
  g_autofree char *target = location ? g_uri_resolve_relative (req->url, location,
                                                                G_URI_FLAGS_NONE, NULL)
                                     : NULL;
  g_autofree char *from = NULL;
  GError *error;

  /* A redirect check: where it points is the answer; nothing is followed. */
  if (req->report_redirect)
    {
      report_redirect (task, target);
      return;
    }
  from = g_steal_pointer (&req->url);

  req->url = target ? g_strdup (target) : g_strdup (from);
  error = _ferry_client_check_destination (self, req);
  if (target != NULL && error == NULL && may_repeat (req) && ++req->redirects <= MAX_REDIRECTS)
    {
      _ferry_client_attempt_end (req);
      _ferry_client_request_start (task);
      return;
    }
  g_free (req->url);
  req->url = g_steal_pointer (&from);
  g_clear_error (&error);
  {
    g_autoptr(GUri) uri = target ? g_uri_parse (target, G_URI_FLAGS_NONE, NULL) : NULL;
    g_autofree char *where = ferry_origin_describe (uri);

    fail_request (task, g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                                     /* Translators: the first %s is a server name, the second
                                      * an address such as http://example.org */
                                     _("%s redirected Ferry to %s, which Ferry does not follow "
                                       "(another server, or not encrypted)."),
                                     self->host, where));
  }
}

void
_ferry_client_sent_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);
  FerryClient *self = req->client;
  SoupMessageHeaders *headers;
  GError *error = NULL;
  goffset length;

  req->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (req->stream == NULL)
    {
      attempt_failed (task, error);
      return;
    }

  req->status = soup_message_get_status (req->msg);
  headers = soup_message_get_response_headers (req->msg);
  if (!req->raw)
    ferry_rate_limiter_update_for (self->limiter, req->limits, req->status,
                                   headers);

  if (SOUP_STATUS_IS_REDIRECTION (req->status) && req->status != 304)
    {
      redirected (task);
      return;
    }

  if (req->report_redirect && SOUP_STATUS_IS_SUCCESSFUL (req->status))
    {
      report_redirect (task, NULL);
      return;
    }
  req->received = g_byte_array_new ();
  if (!SOUP_STATUS_IS_SUCCESSFUL (req->status))
    {
      read_next (task);
      return;
    }

  /* What the headers promise beyond the cap is refused before a byte of it is read. */
  length = soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
             ? soup_message_headers_get_content_length (headers) : -1;
  if (length > req->max_size)
    {
      fail_request (task, too_large_error (self, req));
      return;
    }

  if (req->path != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (req->path);
      g_autofree char *base = g_path_get_basename (req->path);
      g_autofree char *part_name = g_strconcat (".", base, ".ferry-part", NULL);
      g_autofree char *part = g_build_filename (folder, part_name, NULL);

      req->part = g_file_new_for_path (part);
      g_file_replace_async (req->part, NULL, FALSE,
                            G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                            G_PRIORITY_DEFAULT, req->attempt, part_opened_cb, task);
      return;
    }
  read_next (task);
}
