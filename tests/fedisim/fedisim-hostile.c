/* fedisim-hostile.c: a server that means harm, or is broken in the ways that cost clients most
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No real server's code does any of this on purpose: every behaviour here is what a hostile or
 * compromised server (or a proxy in front of one) can send, as issue 12 reproduced against
 * Ferry. The rules hook SoupServer::request-read, which runs before the handler: an answer set
 * there skips fedisim's own handler (libsoup libsoup/server/soup-server.c got_body: "if
 * (soup_server_message_get_status (msg) != 0) return;"), so a rule that is used up, or a path
 * no rule covers, is answered by the flavour as usual.
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

#define CHUNK_SIZE (256 * 1024)

typedef struct
{
  char           *prefix;
  FedisimHostile  behaviour;
  guint64         value;
  char           *arg;
  guint           remaining;   /* 0: until cleared */
  guint           answered;
} Rule;

typedef struct
{
  FedisimServer *server;       /* unowned */
  GPtrArray     *rules;        /* Rule* */
  GPtrArray     *streams;      /* Stream*, answers still being written */
  gulong         handler;
} Hostile;

/* An answer written piece by piece: endless, huge or trickling. */
typedef struct
{
  Hostile           *hostile;  /* unowned; NULL once the server is gone */
  SoupServerMessage *msg;      /* unowned; NULL once finished */
  FedisimHostile     behaviour;
  guint64            left;     /* bytes still to send (HUGE_FILE) */
  guint64            sent;
  guint              interval; /* ms between bytes (TRICKLE) */
  guint              source;
} Stream;

static GBytes *filler;         /* CHUNK_SIZE bytes, shared by every huge answer */
static GBytes *endless_chunk;  /* a run of array elements, shared by every endless answer */

static void
rule_free (Rule *rule)
{
  g_free (rule->prefix);
  g_free (rule->arg);
  g_free (rule);
}

static void
stream_detach (Stream *stream)
{
  g_clear_handle_id (&stream->source, g_source_remove);
  if (stream->msg != NULL)
    {
      g_signal_handlers_disconnect_by_data (stream->msg, stream);
      stream->msg = NULL;
    }
}

static void
stream_free (Stream *stream)
{
  stream_detach (stream);
  g_free (stream);
}

static void
hostile_free (Hostile *hostile)
{
  g_ptr_array_unref (hostile->rules);
  g_ptr_array_unref (hostile->streams);
  g_free (hostile);
}

static gboolean
prefix_matches (const char *prefix,
                const char *path)
{
  gsize len = strlen (prefix);

  return strncmp (path, prefix, len) == 0 &&
         (path[len] == '\0' || path[len] == '/' || path[len] == '?' || prefix[len - 1] == '/');
}

static void
stream_finished_cb (SoupServerMessage *msg,
                    Stream            *stream)
{
  Hostile *hostile = stream->hostile;

  stream_detach (stream);
  if (hostile != NULL)
    g_ptr_array_remove (hostile->streams, stream);   /* frees it */
}

static void
huge_append (Stream          *stream,
             SoupMessageBody *body)
{
  gsize n = (gsize) MIN (stream->left, (guint64) CHUNK_SIZE);
  g_autoptr(GBytes) piece = NULL;

  if (n == 0)
    {
      soup_message_body_complete (body);
      return;
    }
  piece = g_bytes_new_from_bytes (filler, 0, n);
  soup_message_body_append_bytes (body, piece);
  stream->left -= n;
  stream->sent += n;
}

static gboolean
trickle_cb (gpointer data)
{
  Stream *stream = data;

  stream->source = 0;
  if (stream->msg == NULL)
    return G_SOURCE_REMOVE;
  soup_message_body_append (soup_server_message_get_response_body (stream->msg),
                            SOUP_MEMORY_STATIC, " ", 1);
  stream->sent++;
  soup_server_message_unpause (stream->msg);
  return G_SOURCE_REMOVE;
}

/* Called once the headers, then each chunk, are written: the next piece, or the end. */
static void
stream_write_next (SoupServerMessage *msg,
                   Stream            *stream)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  switch (stream->behaviour)
    {
    case FEDISIM_HOSTILE_HUGE_FILE:
      huge_append (stream, body);
      break;

    case FEDISIM_HOSTILE_ENDLESS:
      if (stream->left > 0 && stream->sent >= stream->left)
        {
          /* Bounded only so that a client without a cap ends too (and fails its test). */
          soup_message_body_append (body, SOUP_MEMORY_STATIC, "{}]", 3);
          soup_message_body_complete (body);
          break;
        }
      soup_message_body_append_bytes (body, endless_chunk);
      stream->sent += g_bytes_get_size (endless_chunk);
      break;

    case FEDISIM_HOSTILE_TRICKLE:
      /* One byte now and then: never idle long enough for an idle timeout. */
      if (stream->source == 0)
        stream->source = g_timeout_add (stream->interval, trickle_cb, stream);
      soup_server_message_pause (msg);
      return;

    case FEDISIM_HOSTILE_FOREIGN_LINK:
    case FEDISIM_HOSTILE_DEEP_JSON:
    case FEDISIM_HOSTILE_LYING_LENGTH:
    case FEDISIM_HOSTILE_REDIRECT:
    case FEDISIM_HOSTILE_RATE_LIMITED:
    case FEDISIM_HOSTILE_BODY:
    default:
      g_assert_not_reached ();
    }
  soup_server_message_unpause (msg);
}

static void
start_stream (Hostile           *hostile,
              SoupServerMessage *msg,
              FedisimHostile     behaviour,
              guint64            value)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  Stream *stream = g_new0 (Stream, 1);

  stream->hostile = hostile;
  stream->msg = msg;
  stream->behaviour = behaviour;
  g_ptr_array_add (hostile->streams, stream);

  /* Written chunks are dropped: the server's memory stays flat however much it sends. */
  soup_message_body_set_accumulate (body, FALSE);
  soup_server_message_set_status (msg, 200, NULL);
  switch (behaviour)
    {
    case FEDISIM_HOSTILE_HUGE_FILE:
      stream->left = value;
      soup_message_headers_set_content_type (headers, "image/png", NULL);
      soup_message_headers_set_content_length (headers, (goffset) value);
      huge_append (stream, body);
      break;

    case FEDISIM_HOSTILE_ENDLESS:
      stream->left = value;   /* 0: truly endless */
      soup_message_headers_set_content_type (headers, "application/json", NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_body_append (body, SOUP_MEMORY_STATIC, "[", 1);
      break;

    case FEDISIM_HOSTILE_TRICKLE:
      stream->interval = MAX (value, 1);
      soup_message_headers_set_content_type (headers, "application/json", NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_body_append (body, SOUP_MEMORY_STATIC, "[", 1);
      break;

    case FEDISIM_HOSTILE_FOREIGN_LINK:
    case FEDISIM_HOSTILE_DEEP_JSON:
    case FEDISIM_HOSTILE_LYING_LENGTH:
    case FEDISIM_HOSTILE_REDIRECT:
    case FEDISIM_HOSTILE_RATE_LIMITED:
    case FEDISIM_HOSTILE_BODY:
    default:
      g_assert_not_reached ();
    }
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (stream_write_next), stream);
  g_signal_connect (msg, "finished", G_CALLBACK (stream_finished_cb), stream);
  g_signal_connect (msg, "disconnected", G_CALLBACK (stream_finished_cb), stream);
}

static void
answer_json (SoupServerMessage *msg,
             guint              status,
             const char        *text)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_COPY,
                                    text, strlen (text));
}

static void
answer (Hostile           *hostile,
        Rule              *rule,
        SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  FedisimWorld *world = hostile->server->world;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (fedisim_world_now (world));
  g_autofree char *date = g_date_time_format (now, "%a, %d %b %Y %H:%M:%S GMT");

  /* The server's clock is the virtual one, as in every fedisim answer (fedisim-request.c). */
  soup_message_headers_replace (headers, "Date", date);

  switch (rule->behaviour)
    {
    case FEDISIM_HOSTILE_FOREIGN_LINK:
      {
        /* assumed: a hostile server points the next page at another host, or at http. */
        g_autofree char *link = g_strdup_printf ("<%s>; rel=\"next\"", rule->arg);

        soup_message_headers_replace (headers, "Link", link);
        answer_json (msg, 200,
                     "[{\"id\":\"1\",\"username\":\"bait\",\"acct\":\"bait@example.org\"}]");
      }
      break;

    case FEDISIM_HOSTILE_DEEP_JSON:
      {
        /* assumed: 100,000 nested arrays took json-glib's recursive parser down (issue 12 #3). */
        gsize depth = (gsize) rule->value;
        char *text = g_malloc (2 * depth + 1);

        memset (text, '[', depth);
        memset (text + depth, ']', depth);
        text[2 * depth] = '\0';
        soup_server_message_set_status (msg, 200, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text,
                                          2 * depth);
      }
      break;

    case FEDISIM_HOSTILE_ENDLESS:
    case FEDISIM_HOSTILE_HUGE_FILE:
    case FEDISIM_HOSTILE_TRICKLE:
      start_stream (hostile, msg, rule->behaviour, rule->value);
      break;

    case FEDISIM_HOSTILE_LYING_LENGTH:
      {
        /* assumed: the headers promise value bytes, half come, and the connection stays open
         * and silent: only the client's clock can end it. */
        gsize promised = MAX ((gsize) rule->value, 4);
        char *half = g_malloc (promised / 2);

        memset (half, ' ', promised / 2);
        half[0] = '[';
        soup_server_message_set_status (msg, 200, NULL);
        soup_message_headers_set_content_type (headers, "application/json", NULL);
        soup_message_headers_set_content_length (headers, (goffset) promised);
        soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_TAKE,
                                  half, promised / 2);
        /* Never completed: the server's writer waits for the rest, forever. */
      }
      break;

    case FEDISIM_HOSTILE_REDIRECT:
      /* assumed: a redirect off the origin (another host, or plain http). */
      soup_server_message_set_redirect (msg, 302, rule->arg);
      break;

    case FEDISIM_HOSTILE_RATE_LIMITED:
      /* Mastodon's throttle answer carries X-RateLimit-* (api-facts §6); here the reset is
       * garbage, long past or absurdly far, and a Retry-After may come along (assumed: as
       * RFC 9110 §10.2.3 allows any server to send). */
      soup_message_headers_replace (headers, "X-RateLimit-Limit", "300");
      soup_message_headers_replace (headers, "X-RateLimit-Remaining", "0");
      if (rule->arg != NULL)
        soup_message_headers_replace (headers, "X-RateLimit-Reset", rule->arg);
      if (rule->value > 0)
        {
          g_autofree char *after = g_strdup_printf ("%" G_GUINT64_FORMAT, rule->value);

          soup_message_headers_replace (headers, "Retry-After", after);
        }
      answer_json (msg, 429, "{\"error\":\"Too many requests\"}");
      break;

    case FEDISIM_HOSTILE_BODY:
      /* assumed: a broken or hostile server answers 200 with members of the wrong type. */
      answer_json (msg, 200, rule->arg != NULL ? rule->arg : "");
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
request_read_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 Hostile           *hostile)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));

  if (soup_server_message_get_status (msg) != 0)
    return;
  for (guint i = 0; i < hostile->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (hostile->rules, i);

      if (rule->behaviour == 0 || !prefix_matches (rule->prefix, path))
        continue;
      rule->answered++;
      answer (hostile, rule, msg);
      if (rule->remaining > 0 && --rule->remaining == 0)
        {
          /* Used up: kept, so that its count can still be read, but it answers no more. */
          rule->behaviour = 0;
        }
      return;
    }
}

static Hostile *
get_hostile (FedisimServer *server,
             gboolean       create)
{
  Hostile *hostile;

  if (server->soup == NULL)
    return NULL;
  hostile = g_object_get_data (G_OBJECT (server->soup), "fedisim-hostile");
  if (hostile == NULL && create)
    {
      hostile = g_new0 (Hostile, 1);
      hostile->server = server;
      hostile->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
      hostile->streams = g_ptr_array_new_with_free_func ((GDestroyNotify) stream_free);
      hostile->handler = g_signal_connect (server->soup, "request-read",
                                           G_CALLBACK (request_read_cb), hostile);
      g_object_set_data_full (G_OBJECT (server->soup), "fedisim-hostile", hostile,
                              (GDestroyNotify) hostile_free);
    }
  return hostile;
}

/**
 * fedisim_server_add_hostile:
 * @path_prefix: "/api/v1/preferences"; a prefix ending in "/" covers everything under it
 * @value: the behaviour's number (depth, bytes, milliseconds, seconds)
 * @arg: (nullable): the behaviour's text (a URL, a reset)
 * @n_times: answers to give so (0: until cleared)
 */
void
fedisim_server_add_hostile (FedisimServer  *server,
                            const char     *path_prefix,
                            FedisimHostile  behaviour,
                            guint64         value,
                            const char     *arg,
                            guint           n_times)
{
  Hostile *hostile = get_hostile (server, TRUE);
  Rule *rule = g_new0 (Rule, 1);

  g_return_if_fail (hostile != NULL);
  g_return_if_fail (path_prefix != NULL && path_prefix[0] == '/');

  if (filler == NULL)
    {
      char *zeros = g_malloc (CHUNK_SIZE);
      GString *run = g_string_new (NULL);

      memset (zeros, 0x5a, CHUNK_SIZE);
      filler = g_bytes_new_take (zeros, CHUNK_SIZE);
      while (run->len < CHUNK_SIZE)
        g_string_append (run, "{\"id\":\"1\",\"note\":\"again and again\"},");
      endless_chunk = g_string_free_to_bytes (run);
    }

  rule->prefix = g_strdup (path_prefix);
  rule->behaviour = behaviour;
  rule->value = value;
  rule->arg = g_strdup (arg);
  rule->remaining = n_times;
  /* The newest rule for a prefix goes first. */
  g_ptr_array_insert (hostile->rules, 0, rule);
}

void
fedisim_server_clear_hostile (FedisimServer *server)
{
  Hostile *hostile = get_hostile (server, FALSE);

  if (hostile == NULL)
    return;
  g_ptr_array_set_size (hostile->rules, 0);
}

/* How many answers the rules for @path_prefix gave. */
guint
fedisim_server_hostile_count (FedisimServer *server,
                              const char    *path_prefix)
{
  Hostile *hostile = get_hostile (server, FALSE);
  guint n = 0;

  for (guint i = 0; hostile != NULL && i < hostile->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (hostile->rules, i);

      if (g_str_equal (rule->prefix, path_prefix))
        n += rule->answered;
    }
  return n;
}
