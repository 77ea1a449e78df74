/* ferry-client.c: one server's API, asynchronous, within its limits, with typed errors
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-client"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-client.h"

#define MAX_IN_FLIGHT    4
#define MAX_ATTEMPTS     4    /* for 5xx, dropped connections and broken answers */
#define MAX_RATE_WAITS   6    /* for 429s */

struct _FerryClient
{
  GObject           parent_instance;

  char             *base_url;
  char             *host;
  char             *token;
  SoupSession      *session;   /* owned */
  FerryRateLimiter *limiter;   /* owned */
  double            time_scale;
  guint             in_flight;
  GQueue            queue;     /* GTask*, API calls waiting for a slot */
  GQueue            files;     /* GTask*, downloads waiting: API calls go first */
  guint             retries;
};

enum {
  SIGNAL_WAITING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FerryClient, ferry_client, G_TYPE_OBJECT)

typedef struct
{
  FerryClient *client;   /* unowned: the task holds a reference */
  char        *method;
  char        *url;
  char        *body;     /* form-encoded, for anything but GET */
  SoupMultipart *multipart; /* or a multipart form (files) */
  gboolean     follow;   /* POST …/follow: Mastodon's daily follows limit applies */
  gboolean     paged;
  gboolean     raw;
  const char  *accept;   /* for raw downloads: what to ask for; NULL for anything */
  int          priority;
  guint        attempts;
  guint        rate_waits;
  gboolean     holds_slot;
  char        *next_url;
} Request;

static void request_start (GTask *task);

static void
request_free (Request *req)
{
  g_free (req->method);
  g_free (req->url);
  g_free (req->body);
  g_clear_pointer (&req->multipart, soup_multipart_free);
  g_free (req->next_url);
  g_free (req);
}

static gboolean
url_is_paged (const char *url)
{
  const char *query = strchr (url, '?');
  static const char *keys[] = { "max_id=", "min_id=", "since_id=", "page=" };

  for (guint i = 0; query && i < G_N_ELEMENTS (keys); i++)
    {
      const char *found = strstr (query, keys[i]);

      if (found != NULL && (found[-1] == '?' || found[-1] == '&'))
        return TRUE;
    }
  return FALSE;
}

static void
pump (FerryClient *self)
{
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
      request_start (task);
    }
}

/* Every request ends here, once. */
static void
request_done (GTask *task)
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
static void
return_error (GTask  *task,
              GError *error)
{
  request_done (task);
  g_task_return_error (task, error);
  g_object_unref (task);
}

static gboolean
wait_done_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (g_task_return_error_if_cancelled (task))
    {
      request_done (task);
      g_object_unref (task);
      return G_SOURCE_REMOVE;
    }
  request_start (task);
  return G_SOURCE_REMOVE;
}

/* Waits, cancellably, then starts the request again. Takes the task. */
static void
wait_then_start (GTask  *task,
                 double  seconds)
{
  Request *req = g_task_get_task_data (task);
  guint ms = (guint) MAX (1, seconds * 1000.0 / req->client->time_scale);
  GSource *source = g_timeout_source_new (ms);
  GCancellable *cancellable = g_task_get_cancellable (task);

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
}

/* 1 s, 2 s, 4 s… with ±25 % jitter, so that many clients do not come back at once. */
static double
backoff (guint attempt)
{
  return (1 << MIN (attempt, 6)) * g_random_double_range (0.75, 1.25);
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

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);
  FerryClient *self = req->client;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *content_type;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          return_error (task, g_steal_pointer (&error));
          return;
        }
      /* A dropped connection: safe to repeat only where the request is. A refused
       * connection never reached the server. */
      if ((may_repeat (req) || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED)) &&
          error->domain != G_TLS_ERROR && error->domain != G_RESOLVER_ERROR &&
          ++req->attempts < MAX_ATTEMPTS)
        {
          self->retries++;
          g_debug ("%s %s: %s; trying again", req->method, req->url, error->message);
          wait_then_start (task, backoff (req->attempts));
          return;
        }
      return_error (task, transport_error (self, error));
      return;
    }

  status = soup_message_get_status (msg);
  if (!req->raw)
    ferry_rate_limiter_update (self->limiter, status, soup_message_get_response_headers (msg));
  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);

  /* A follow refused with 429 met the daily follows family (api-facts §6), which lasts until
   * midnight UTC: that is for the caller to plan, not a wait inside one request. */
  if (status == 429 && !req->follow && ++req->rate_waits < MAX_RATE_WAITS)
    {
      g_debug ("%s %s: 429; waiting for the reset at %s", req->method, req->url,
               soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                             "X-RateLimit-Reset"));
      /* Refused, so not done: any request may go again once the window turns. */
      self->retries++;
      request_start (task);
      return;
    }

  if (status >= 500 && status != 501 && may_repeat (req) && ++req->attempts < MAX_ATTEMPTS)
    {
      self->retries++;
      wait_then_start (task, backoff (req->attempts));
      return;
    }

  if (status < 200 || status >= 300)
    {
      return_error (task, ferry_api_error_new_for_response (self->host, status, content_type,
                                                            g_bytes_get_data (bytes, NULL),
                                                            g_bytes_get_size (bytes)));
      return;
    }

  if (req->raw)
    {
      request_done (task);
      g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
      g_object_unref (task);
      return;
    }

  {
    g_autoptr(JsonParser) parser = json_parser_new_immutable ();

    if (g_bytes_get_size (bytes) == 0 ||
        !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     NULL) ||
        json_parser_get_root (parser) == NULL)
      {
        /* An HTML page, or a body cut short: a passing fault more often than not. */
        if (may_repeat (req) && ++req->attempts < MAX_ATTEMPTS)
          {
            self->retries++;
            wait_then_start (task, backoff (req->attempts));
            return;
          }
        return_error (task, ferry_api_error_new_for_response (self->host, status, content_type,
                                                              g_bytes_get_data (bytes, NULL),
                                                              g_bytes_get_size (bytes)));
        return;
      }

    req->next_url = parse_next_link (soup_message_get_response_headers (msg));
    request_done (task);
    g_task_return_pointer (task, json_node_ref (json_parser_get_root (parser)),
                           (GDestroyNotify) json_node_unref);
    g_object_unref (task);
  }
}

static void
request_start (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  FerryClient *self = req->client;
  g_autoptr(SoupMessage) msg = NULL;
  gint64 wait;

  if (g_task_return_error_if_cancelled (task))
    {
      request_done (task);
      g_object_unref (task);
      return;
    }

  /* Never send what the budget says will be refused. Files (avatars, media) are not API
   * calls: the API throttles do not count them. */
  wait = req->raw ? 0 : ferry_rate_limiter_reserve (self->limiter, req->paged);
  if (wait > 0)
    {
      g_signal_emit (self, signals[SIGNAL_WAITING], 0, wait);
      wait_then_start (task, (double) wait);
      return;
    }

  msg = soup_message_new (req->method, req->url);
  if (msg == NULL)
    {
      return_error (task, g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                                       _("%s gave an address Ferry cannot use."), self->host));
      return;
    }
  if (self->token != NULL && !req->raw)
    {
      g_autofree char *authorization = g_strdup_printf ("Bearer %s", self->token);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    authorization);
    }
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept",
                                req->raw ? (req->accept ? req->accept : "*/*") : "application/json");
  if (req->body != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (req->body, strlen (req->body));

      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
    }
  else if (req->multipart != NULL)
    {
      g_autoptr(GBytes) body = NULL;
      SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

      soup_multipart_to_message (req->multipart, headers, &body);
      soup_message_set_request_body_from_bytes (msg, soup_message_headers_get_content_type (headers, NULL),
                                                body);
    }

  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), sent_cb, task);
}

static char *
absolute_url (FerryClient *self,
              const char  *path)
{
  if (g_str_has_prefix (path, "https://") || g_str_has_prefix (path, "http://"))
    return g_strdup (path);
  return g_strconcat (self->base_url, path, NULL);
}

static void
enqueue (FerryClient         *self,
         Request             *req,
         gpointer             source_tag,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  req->client = self;
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
 * @path: an API path ("/api/v1/…") or a full URL on this server (a Link header's)
 * @params: (nullable): the query (GET) or the form (others)
 *
 * One API call, answered with JSON. It waits for the rate budget, goes again after a 429,
 * and, for requests that are safe to repeat, after a 5xx, a dropped connection or a broken
 * answer. At most four are in flight per server.
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
  req->url = absolute_url (self, path);
  encoded = params ? ferry_params_encode (params) : NULL;
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
  req->paged = url_is_paged (req->url);
  req->follow = g_str_equal (method, "POST") && g_str_has_suffix (path, "/follow") &&
                strstr (path, "/accounts/") != NULL;
  req->priority = io_priority;
  enqueue (self, req, ferry_client_call_async, cancellable, callback, user_data);
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
  g_autoptr(JsonNode) page = ferry_client_call_finish (FERRY_CLIENT (object), result, &next, &error);

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

  if (next != NULL && (state->max_items == 0 || json_array_get_length (state->items) < state->max_items))
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

static void
download (FerryClient         *self,
          const char          *url,
          const char          *accept,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  Request *req = g_new0 (Request, 1);

  req->method = g_strdup ("GET");
  req->url = absolute_url (self, url);
  req->raw = TRUE;
  req->accept = accept;
  enqueue (self, req, ferry_client_get_bytes_async, cancellable, callback, user_data);
}

/* A file (an avatar, a media attachment), without the token, with the same retries. */
void
ferry_client_get_bytes_async (FerryClient         *self,
                              const char          *url,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  download (self, url, NULL, cancellable, callback, user_data);
}

/* An ActivityPub actor, unsigned and without the token; authorized fetch refuses it (AUTH). */
void
ferry_client_get_activity_async (FerryClient         *self,
                                 const char          *uri,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  download (self, uri, "application/activity+json", cancellable, callback, user_data);
}

GBytes *
ferry_client_get_bytes_finish (FerryClient   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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
  self->host = uri && g_uri_get_port (uri) > 0
                 ? g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri))
                 : g_strdup (uri ? g_uri_get_host (uri) : base_url);
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "timeout", 60,
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
