/* ferry-client.c: one server's API, asynchronous, within its limits, with typed errors
 *
 * This file queues requests and sends them only to the account's own origin;
 * ferry-client-answer.c reads each answer within its cap and decides what it means.
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
#include "ferry-client.h"
#include "ferry-client-private.h"
#include "ferry-origin.h"

enum {
  SIGNAL_WAITING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FerryClient, ferry_client, G_TYPE_OBJECT)

/* The "waiting" signal, for the answer's file (ferry-client-answer.c). */
void
_ferry_client_emit_waiting (FerryClient *self,
                            gint64       seconds)
{
  g_signal_emit (self, signals[SIGNAL_WAITING], 0, seconds);
}

static void
request_free (Request *req)
{
  _ferry_client_attempt_end (req);
  g_clear_object (&req->cancellable);
  g_free (req->method);
  g_free (req->url);
  g_free (req->body);
  g_free (req->idempotency_key);
  g_clear_pointer (&req->multipart, soup_multipart_free);
  g_free (req->next_url);
  g_free (req->path);
  g_free (req);
}

static void
pump (FerryClient *self)
{
  /* A request that waits gives its slot back from inside the loop: the loop goes on. */
  if (self->pumping)
    return;
  self->pumping = TRUE;
  while (self->in_flight < MAX_IN_FLIGHT &&
         (!g_queue_is_empty (&self->queue) || !g_queue_is_empty (&self->files)))
    {
      /* An API call is often what the next step waits for (a page, then the next); a file
       * is not: calls go first. */
      GTask *task = g_queue_is_empty (&self->queue) ? g_queue_pop_head (&self->files)
                                                    : g_queue_pop_head (&self->queue);
      Request *req = g_task_get_task_data (task);

      self->in_flight++;
      req->holds_slot = TRUE;
      _ferry_client_request_start (task);
    }
  self->pumping = FALSE;
}

/* Every request ends here, once. */
void
_ferry_client_request_done (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  FerryClient *self = req->client;

  if (req->holds_slot)
    {
      req->holds_slot = FALSE;
      self->in_flight--;
    }
  pump (self);
}

/* Ends the request with @error; takes the task. */
void
_ferry_client_return_error (GTask  *task,
                            GError *error)
{
  _ferry_client_request_done (task);
  g_task_return_error (task, error);
  g_object_unref (task);
}

/* Back in the queue, ahead of every call of its priority or a less urgent one: it has waited
 * its turn already. */
static void
requeue (FerryClient *self,
         GTask       *task)
{
  Request *req = g_task_get_task_data (task);

  if (req->raw)
    g_queue_push_head (&self->files, task);
  else
    {
      GList *l = self->queue.head;

      while (l != NULL && ((Request *) g_task_get_task_data (l->data))->priority < req->priority)
        l = l->next;
      if (l == NULL)
        g_queue_push_tail (&self->queue, task);
      else
        g_queue_insert_before (&self->queue, l, task);
    }
  pump (self);
}

static gboolean
wait_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    {
      _ferry_client_request_done (task);
      g_object_unref (task);
      return G_SOURCE_REMOVE;
    }
  if (req->holds_slot)
    _ferry_client_request_start (task);
  else
    requeue (req->client, task);
  return G_SOURCE_REMOVE;
}

/* Waits, cancellably, then queues the request for a slot again. Takes the task. For a long
 * wait the slot is given up meanwhile: a page waiting for the paging window does not hold up
 * a relationships call, a status's history or a media download that may go now. The second
 * that a probe of a new window takes keeps it: hundreds of waiting requests would each poll
 * the limiter every second. */
void
_ferry_client_wait_then_start (GTask  *task,
                               double  seconds)
{
  Request *req = g_task_get_task_data (task);
  FerryClient *self = req->client;
  guint ms = (guint) MAX (1, seconds * 1000.0 / req->client->time_scale);
  GSource *source = g_timeout_source_new (ms);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (req->holds_slot && seconds > SHORT_WAIT)
    {
      req->holds_slot = FALSE;
      self->in_flight--;
    }

  /* On a scaled clock the server's time reaches the end of the wait meanwhile. */
  if (req->client->time_scale != 1.0)
    ferry_rate_limiter_advance_to (req->client->limiter,
                                   ferry_rate_limiter_get_server_now (req->client->limiter) +
                                   (gint64) (seconds + 0.5));

  if (cancellable != NULL)
    {
      g_autoptr(GSource) cancelled = g_cancellable_source_new (cancellable);

      g_source_set_dummy_callback (cancelled);
      g_source_add_child_source (source, cancelled);
    }
  g_source_set_callback (source, wait_done_cb, task, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
  pump (self);
}

/* Whether @req may go to its URL: an API call (with the token) only to the account's own
 * origin over https; a file (without it) anywhere over https: media live on other hosts, and
 * GoToSocial with S3 storage answers a file with a 302 to the bucket (gotosocial
 * internal/api/fileserver/servefile.go: c.Redirect(http.StatusFound, content.URL.String())). */
GError *
_ferry_client_check_destination (FerryClient *self,
                                 Request     *req)
{
  g_autoptr(GUri) uri = g_uri_parse (req->url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *where = ferry_origin_describe (uri);

  if (req->raw ? ferry_origin_is_https (uri) : ferry_origin_equal (self->origin, uri))
    return NULL;
  if (req->raw)
    return g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                        /* Translators: %s is an address such as http://example.org */
                        _("Ferry does not fetch files from %s: only encrypted (https) addresses "
                          "are used."), where);
  return g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                      /* Translators: the first and last %s are a server name, the middle one an
                       * address such as https://example.org */
                      _("%s sent Ferry to another address (%s). Ferry sends the sign-in only to "
                        "%s itself, over https, and stopped there."),
                      self->host, where, self->host);
}

/* Tears down the try in flight (the request stays). An answer not read to its end is cut off:
 * the connection is closed, never drained. */
void
_ferry_client_attempt_end (Request *req)
{
  if (req->deadline != NULL)
    {
      g_source_destroy (req->deadline);
      g_clear_pointer (&req->deadline, g_source_unref);
    }
  if (req->forward_id != 0)
    g_cancellable_disconnect (req->cancellable, req->forward_id);
  req->forward_id = 0;
  if (req->stream != NULL)
    {
      if (!req->at_eof && req->attempt != NULL)
        g_cancellable_cancel (req->attempt);
      g_input_stream_close (req->stream, req->attempt, NULL);
      g_clear_object (&req->stream);
    }
  if (req->out != NULL)
    {
      g_output_stream_close (req->out, NULL, NULL);
      g_clear_object (&req->out);
    }
  if (req->part != NULL)
    {
      g_file_delete (req->part, NULL, NULL);
      g_clear_object (&req->part);
    }
  g_clear_pointer (&req->chunk, g_bytes_unref);
  g_clear_pointer (&req->received, g_byte_array_unref);
  g_clear_object (&req->msg);
  g_clear_object (&req->attempt);
  req->size = 0;
  req->at_eof = FALSE;
  req->timed_out = FALSE;
}

/* A file's try may take long (100 MiB on a slow line); an API answer or an actor may not. */
guint
_ferry_client_request_deadline (Request *req)
{
  return req->raw && req->accept == NULL ? req->client->file_deadline : req->client->call_deadline;
}

static gboolean
deadline_cb (gpointer user_data)
{
  Request *req = user_data;

  req->timed_out = TRUE;
  g_cancellable_cancel (req->attempt);
  return G_SOURCE_CONTINUE;   /* destroyed in attempt_end */
}

static void
forward_cancel_cb (GCancellable *cancellable,
                   GCancellable *attempt)
{
  g_cancellable_cancel (attempt);
}

/* Seconds from Retry-After (delta seconds or an HTTP date, RFC 9110 §10.2.3), or -1. */
void
_ferry_client_request_start (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  FerryClient *self = req->client;
  GError *refused;
  gint64 wait;
  guint deadline;

  if (g_task_return_error_if_cancelled (task))
    {
      _ferry_client_request_done (task);
      g_object_unref (task);
      return;
    }

  /* Before anything goes out: a Link, a journal's URL or a redirect may point anywhere. */
  refused = _ferry_client_check_destination (self, req);
  if (refused != NULL)
    {
      _ferry_client_return_error (task, refused);
      return;
    }

  /* Never send what the budget says will be refused. Files (avatars, media) are not API
   * calls: the API throttles do not count them. */
  wait = req->raw ? 0 : ferry_rate_limiter_reserve_for (self->limiter,
                                                       req->limits);
  if (wait > 0)
    {
      g_signal_emit (self, signals[SIGNAL_WAITING], 0, wait);
      _ferry_client_wait_then_start (task, (double) wait);
      return;
    }

  req->msg = soup_message_new (req->method, req->url);
  if (req->msg == NULL)
    {
      _ferry_client_return_error (task, g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                                       _("%s gave an address Ferry cannot use."), self->host));
      return;
    }
  /* Redirects are looked at here, not followed by libsoup with the token on. */
  soup_message_add_flags (req->msg, SOUP_MESSAGE_NO_REDIRECT);
  if (self->token != NULL && !req->raw)
    {
      g_autofree char *authorization = g_strdup_printf ("Bearer %s", self->token);

      soup_message_headers_replace (soup_message_get_request_headers (req->msg), "Authorization",
                                    authorization);
    }
  /* The same key on every try: a retry after a lost answer is not a second post. */
  if (req->idempotency_key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (req->msg), "Idempotency-Key",
                                  req->idempotency_key);
  soup_message_headers_replace (soup_message_get_request_headers (req->msg), "Accept",
                                req->raw ? (req->accept ? req->accept : "*/*")
                                         : "application/json");
  if (req->body != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (req->body, strlen (req->body));

      soup_message_set_request_body_from_bytes (req->msg, "application/x-www-form-urlencoded",
                                                body);
    }
  else if (req->multipart != NULL)
    {
      g_autoptr(GBytes) body = NULL;
      SoupMessageHeaders *headers = soup_message_get_request_headers (req->msg);

      soup_multipart_to_message (req->multipart, headers, &body);
      soup_message_set_request_body_from_bytes (req->msg,
                                                soup_message_headers_get_content_type (headers,
                                                                                       NULL),
                                                body);
    }

  /* One try: its own cancellable, cancelled by the caller's or by the deadline. */
  req->attempt = g_cancellable_new ();
  if (req->cancellable != NULL)
    req->forward_id = g_cancellable_connect (req->cancellable, G_CALLBACK (forward_cancel_cb),
                                             req->attempt, NULL);
  deadline = _ferry_client_request_deadline (req);
  req->deadline = g_timeout_source_new (deadline * 1000);
  g_source_set_callback (req->deadline, deadline_cb, req, NULL);
  g_source_attach (req->deadline, g_main_context_get_thread_default ());

  soup_session_send_async (self->session, req->msg, G_PRIORITY_DEFAULT, req->attempt,
                           _ferry_client_sent_cb, task);
}

/* A path on this server, or a full URL as given (a Link's, a journal's): request_start()
 * decides whether it may go. */
char *
_ferry_client_absolute_url (FerryClient *self,
                            const char  *path)
{
  char *url;

  if (path[0] == '/' && path[1] != '/')
    return g_strconcat (self->base_url, path, NULL);
  url = g_uri_resolve_relative (self->base_url, path, G_URI_FLAGS_NONE, NULL);
  return url ? url : g_strdup (path);
}

void
_ferry_client_enqueue (FerryClient         *self,
                       Request             *req,
                       gpointer             source_tag,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  req->client = self;
  req->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  if (req->max_size == 0)
    req->max_size = req->raw ? MAX_FILE_IN_MEMORY : (goffset) self->max_answer;
  g_task_set_task_data (task, req, (GDestroyNotify) request_free);
  if (req->raw)
    g_queue_push_tail (&self->files, task);
  else
    {
      /* Behind every call of the same or a more urgent priority. */
      GList *l = self->queue.tail;

      while (l != NULL && ((Request *) g_task_get_task_data (l->data))->priority > req->priority)
        l = l->prev;
      if (l == NULL)
        g_queue_push_head (&self->queue, task);
      else
        g_queue_insert_after (&self->queue, l, task);
    }
  pump (self);
}

/**
 * ferry_client_call_async:
 * @method: GET, POST, PUT, PATCH or DELETE
 * @path: an API path ("/api/v1/…") or a full URL on this server (a Link header's, a
 *   journal's): one on any other origin, or not over https, fails with
 *   %FERRY_API_ERROR_BAD_RESPONSE before anything is sent
 * @params: (nullable): the query (GET) or the form (others)
 *
 * One API call, answered with JSON. It waits for the rate budget, goes again after a 429,
 * and, for requests that are safe to repeat, after a 5xx, a dropped connection or a broken
 * answer. At most four are in flight per server. An answer over 8 MiB fails with
 * %FERRY_API_ERROR_TOO_LARGE, one nested deeper than %FERRY_API_MAX_JSON_DEPTH with
 * %FERRY_API_ERROR_BAD_RESPONSE; a try that takes over 90 s, whole, ends.
 */
void
ferry_client_call_async (FerryClient         *self,
                         const char          *method,
                         const char          *path,
                         FerryParams         *params,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  ferry_client_call_full_async (self, method, path, params, G_PRIORITY_DEFAULT, cancellable,
                                callback, user_data);
}

/**
 * ferry_client_call_full_async:
 * @io_priority: where the call queues for a slot: %G_PRIORITY_HIGH goes before the default
 *   (for the one chain of requests a job waits on); files always come after calls
 *
 * ferry_client_call_async() with a priority; finished with ferry_client_call_finish().
 */
void
ferry_client_call_full_async (FerryClient         *self,
                              const char          *method,
                              const char          *path,
                              FerryParams         *params,
                              int                  io_priority,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Request *req;
  g_autofree char *encoded = NULL;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL);

  req = g_new0 (Request, 1);
  req->method = g_strdup (method);
  req->url = _ferry_client_absolute_url (self, path);
  encoded = params ? ferry_params_encode (params) : NULL;
  if (params != NULL)
    req->idempotency_key = g_strdup (ferry_params_get_idempotency_key (params));
  if (params != NULL && ferry_params_has_files (params) && !g_str_equal (method, "GET"))
    req->multipart = ferry_params_to_multipart (params);
  else if (encoded != NULL && encoded[0] != '\0')
    {
      if (g_str_equal (method, "GET"))
        {
          char *url = g_strconcat (req->url, strchr (req->url, '?') ? "&" : "?", encoded, NULL);

          g_free (req->url);
          req->url = url;
        }
      else
        req->body = g_steal_pointer (&encoded);
    }
  req->limits = ferry_rate_limits_for_request (method, req->url);
  req->follow = g_str_equal (method, "POST") && g_str_has_suffix (path, "/follow") &&
                strstr (path, "/accounts/") != NULL;
  req->priority = io_priority;
  _ferry_client_enqueue (self, req, ferry_client_call_async, cancellable, callback, user_data);
}

/**
 * ferry_client_call_finish:
 * @next_url: (out) (optional) (nullable): the Link header's next page
 *
 * Returns: (transfer full): the answer, or %NULL with @error in %FERRY_API_ERROR
 */
JsonNode *
ferry_client_call_finish (FerryClient   *self,
                          GAsyncResult  *result,
                          char         **next_url,
                          GError       **error)
{
  Request *req;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  req = g_task_get_task_data (G_TASK (result));
  if (next_url != NULL)
    *next_url = g_strdup (req->next_url);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  JsonArray *items;
  guint      max_items;
} ListState;

static void
list_state_free (ListState *state)
{
  json_array_unref (state->items);
  g_free (state);
}

static void
list_page_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autoptr(JsonNode) page =
    ferry_client_call_finish (FERRY_CLIENT (object), result, &next, &error);

  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (page))
    {
      g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                               _("%s gave an answer Ferry does not understand."),
                               FERRY_CLIENT (object)->host);
      return;
    }

  {
    JsonArray *array = json_node_get_array (page);

    for (guint i = 0; i < json_array_get_length (array); i++)
      json_array_add_element (state->items, json_node_copy (json_array_get_element (array, i)));
    /* An empty page ends it, whatever the Link says. */
    if (json_array_get_length (array) == 0)
      g_clear_pointer (&next, g_free);
  }

  if (next != NULL
      && (state->max_items == 0 || json_array_get_length (state->items) < state->max_items))
    {
      GTask *again = g_steal_pointer (&task);

      /* Always the server's own next link: cursors are not account ids. */
      ferry_client_call_async (FERRY_CLIENT (object), "GET", next, NULL,
                               g_task_get_cancellable (again), list_page_cb, again);
      return;
    }

  g_task_return_pointer (task, json_array_ref (state->items), (GDestroyNotify) json_array_unref);
}

/**
 * ferry_client_list_async:
 * @path: the first page, with its limit ("/api/v1/blocks?limit=80")
 * @max_items: stop once this many are in (0: all)
 *
 * Every page of a list, following the Link headers.
 */
void
ferry_client_list_async (FerryClient         *self,
                         const char          *path,
                         guint                max_items,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  ListState *state;

  g_return_if_fail (FERRY_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_list_async);
  state = g_new0 (ListState, 1);
  state->items = json_array_new ();
  state->max_items = max_items;
  g_task_set_task_data (task, state, (GDestroyNotify) list_state_free);
  ferry_client_call_async (self, "GET", path, NULL, cancellable, list_page_cb, task);
}

/**
 * ferry_client_list_finish:
 *
 * Returns: (transfer full): every item of every page
 */
JsonArray *
ferry_client_list_finish (FerryClient   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ferry_client_set_limits:
 * @max_answer: the largest API answer taken, in bytes (0: unchanged; 8 MiB by default)
 * @max_file: the largest download to disk when the caller knows no limit (0: unchanged)
 * @call_deadline: seconds one try of an API call may take, whole (0: unchanged; 90)
 * @file_deadline: seconds one try of a download may take (0: unchanged; 900)
 * @idle_timeout: seconds of silence on a connection (0: unchanged; 30)
 *
 * For tests, which cannot wait minutes for a trickle to end; Ferry itself keeps the defaults.
 */
void
ferry_client_set_limits (FerryClient *self,
                         gsize        max_answer,
                         goffset      max_file,
                         guint        call_deadline,
                         guint        file_deadline,
                         guint        idle_timeout)
{
  g_return_if_fail (FERRY_IS_CLIENT (self));

  if (max_answer > 0)
    self->max_answer = max_answer;
  if (max_file > 0)
    self->max_file = max_file;
  if (call_deadline > 0)
    self->call_deadline = call_deadline;
  if (file_deadline > 0)
    self->file_deadline = file_deadline;
  if (idle_timeout > 0)
    soup_session_set_timeout (self->session, idle_timeout);
}

static void
ferry_client_dispose (GObject *object)
{
  FerryClient *self = FERRY_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_object (&self->limiter);

  G_OBJECT_CLASS (ferry_client_parent_class)->dispose (object);
}

static void
ferry_client_finalize (GObject *object)
{
  FerryClient *self = FERRY_CLIENT (object);

  g_assert (g_queue_is_empty (&self->queue));
  g_assert (g_queue_is_empty (&self->files));
  g_free (self->base_url);
  g_free (self->host);
  g_free (self->token);
  g_clear_pointer (&self->origin, g_uri_unref);

  G_OBJECT_CLASS (ferry_client_parent_class)->finalize (object);
}

static void
ferry_client_class_init (FerryClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ferry_client_dispose;
  object_class->finalize = ferry_client_finalize;

  /**
   * FerryClient::waiting:
   * @seconds: how long, in the server's time, before the next request may go
   *
   * The server's rate budget is spent; the client waits for it instead of being refused.
   */
  signals[SIGNAL_WAITING] =
    g_signal_new ("waiting", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
ferry_client_init (FerryClient *self)
{
  self->time_scale = 1.0;
  self->max_answer = MAX_ANSWER_SIZE;
  self->max_file = MAX_FILE_SIZE;
  self->call_deadline = CALL_DEADLINE;
  self->file_deadline = FILE_DEADLINE;
  self->limiter = ferry_rate_limiter_new ();
  g_queue_init (&self->queue);
  g_queue_init (&self->files);
}

/**
 * ferry_client_new:
 * @base_url: "https://host[:port]"
 * @tls_database: (nullable): what to trust; %NULL for ferry_tls_database_get_default()'s
 */
FerryClient *
ferry_client_new (const char   *base_url,
                  GTlsDatabase *tls_database)
{
  FerryClient *self;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *user_agent = g_strdup_printf ("Ferry/%s (+https://github.com/ferryapp/ferry)",
                                                 PACKAGE_VERSION);

  g_return_val_if_fail (base_url != NULL, NULL);

  self = g_object_new (FERRY_TYPE_CLIENT, NULL);
  self->base_url = g_strdup (base_url);
  if (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';
  uri = g_uri_parse (self->base_url, G_URI_FLAGS_NONE, NULL);
  self->origin = uri ? g_uri_ref (uri) : NULL;
  self->host = uri && g_uri_get_port (uri) > 0
                 ? g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri))
                 : g_strdup (uri ? g_uri_get_host (uri) : base_url);
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "timeout", IDLE_TIMEOUT,
                                                 "max-conns-per-host", MAX_IN_FLIGHT,
                                                 NULL);
  if (tls_database != NULL)
    soup_session_set_tls_database (self->session, tls_database);
  return self;
}

const char *
ferry_client_get_base_url (FerryClient *self)
{
  g_return_val_if_fail (FERRY_IS_CLIENT (self), NULL);

  return self->base_url;
}

GTlsDatabase *   /* (transfer none): what this client trusts, for other servers alike */
ferry_client_get_tls_database (FerryClient *self)
{
  g_return_val_if_fail (FERRY_IS_CLIENT (self), NULL);

  return soup_session_get_tls_database (self->session);
}

const char *
ferry_client_get_host (FerryClient *self)
{
  g_return_val_if_fail (FERRY_IS_CLIENT (self), NULL);

  return self->host;
}

/* The token lives only here, in memory; it comes from and goes to the secret store. */
void
ferry_client_set_token (FerryClient *self,
                        const char  *token)
{
  g_return_if_fail (FERRY_IS_CLIENT (self));

  g_free (self->token);
  self->token = g_strdup (token);
}

FerryRateLimiter *
ferry_client_get_rate_limiter (FerryClient *self)
{
  g_return_val_if_fail (FERRY_IS_CLIENT (self), NULL);

  return self->limiter;
}

/* For tests on a virtual clock: waits are divided by @scale. */
void
ferry_client_set_time_scale (FerryClient *self,
                             double       scale)
{
  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (scale > 0);

  self->time_scale = scale;
}

static gboolean
sleep_done_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

/**
 * ferry_client_sleep_async:
 * @seconds: how long, in the server's time
 *
 * Waits, cancellably, on this client's clock (a test's scaled one too): for a limit that
 * lasts hours, such as Mastodon's daily follows. Emits FerryClient::waiting first.
 */
void
ferry_client_sleep_async (FerryClient         *self,
                          gint64               seconds,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  GSource *source;
  guint ms;

  g_return_if_fail (FERRY_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_sleep_async);
  seconds = MAX (seconds, 1);
  g_signal_emit (self, signals[SIGNAL_WAITING], 0, seconds);
  ms = (guint) MIN ((double) seconds * 1000.0 / self->time_scale, (double) G_MAXUINT);
  if (self->time_scale != 1.0)
    ferry_rate_limiter_advance_to (self->limiter,
                                   ferry_rate_limiter_get_server_now (self->limiter) + seconds);
  source = g_timeout_source_new (MAX (ms, 1));
  if (cancellable != NULL)
    {
      g_autoptr(GSource) cancelled = g_cancellable_source_new (cancellable);

      g_source_set_dummy_callback (cancelled);
      g_source_add_child_source (source, cancelled);
    }
  g_source_set_callback (source, sleep_done_cb, task, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
}

gboolean
ferry_client_sleep_finish (FerryClient   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* How many times requests went again (after a 429, a 5xx, a dropped connection). */
guint
ferry_client_get_retries (FerryClient *self)
{
  g_return_val_if_fail (FERRY_IS_CLIENT (self), 0);

  return self->retries;
}
