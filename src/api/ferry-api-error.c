/* ferry-api-error.c
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-api-error"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ferry-api-error.h"

/* A server's own error text is shown to people; keep it to one readable line. */
#define MAX_SERVER_MESSAGE 300

typedef struct
{
  guint   http_status;   /* 0: no answer came (network, TLS), or not from an answer */
  char   *server_text;   /* the server's own words (its `error`), tidied; %NULL if none */
  gint64  reset_time;    /* Unix seconds, server clock: when a 429's limit resets; 0 unknown */
} FerryApiErrorPrivate;

static void
ferry_api_error_private_init (FerryApiErrorPrivate *priv)
{
  priv->http_status = 0;
  priv->server_text = NULL;
  priv->reset_time = 0;
}

static void
ferry_api_error_private_copy (const FerryApiErrorPrivate *src,
                              FerryApiErrorPrivate       *dest)
{
  dest->http_status = src->http_status;
  dest->server_text = g_strdup (src->server_text);
  dest->reset_time = src->reset_time;
}

static void
ferry_api_error_private_clear (FerryApiErrorPrivate *priv)
{
  g_clear_pointer (&priv->server_text, g_free);
}

G_DEFINE_EXTENDED_ERROR (FerryApiError, ferry_api_error)

/* Any error may be asked: the fields of another domain read as none. */
static FerryApiErrorPrivate *
private_of (const GError *error)
{
  if (error == NULL || error->domain != FERRY_API_ERROR)
    return NULL;
  return ferry_api_error_get_private (error);
}

/**
 * ferry_api_error_get_http_status:
 * @error: (nullable): any error
 *
 * Returns: the HTTP status of the answer the error was made from; 0 when @error is not a
 *   %FERRY_API_ERROR or no answer came
 */
guint
ferry_api_error_get_http_status (const GError *error)
{
  FerryApiErrorPrivate *priv = private_of (error);

  return priv != NULL ? priv->http_status : 0;
}

/**
 * ferry_api_error_get_server_text:
 * @error: (nullable): any error
 *
 * Returns: (nullable): the server's own explanation (its `error` member, or an OAuth
 *   `error_description`), as one tidy line; %NULL when it sent none
 */
const char *
ferry_api_error_get_server_text (const GError *error)
{
  FerryApiErrorPrivate *priv = private_of (error);

  return priv != NULL ? priv->server_text : NULL;
}

/**
 * ferry_api_error_get_reset_time:
 * @error: (nullable): any error
 *
 * Returns: for %FERRY_API_ERROR_RATE_LIMITED, when the server said its limit resets (Unix
 *   seconds, from X-RateLimit-Reset or Retry-After); 0 when it did not say
 */
gint64
ferry_api_error_get_reset_time (const GError *error)
{
  FerryApiErrorPrivate *priv = private_of (error);

  return priv != NULL ? priv->reset_time : 0;
}

void
ferry_api_error_set_reset_time (GError *error,
                                gint64  unix_time)
{
  FerryApiErrorPrivate *priv;

  g_return_if_fail (error != NULL && error->domain == FERRY_API_ERROR);

  priv = ferry_api_error_get_private (error);
  priv->reset_time = MAX (unix_time, 0);
}

/**
 * ferry_api_error_new_full:
 * @http_status: the answer's status, or 0
 * @server_text: (nullable): the server's own words, kept as a field
 *
 * For errors read from an answer's body rather than its status (Akkoma says some refusals
 * with HTTP 200).
 *
 * Returns: (transfer full): a new #GError in %FERRY_API_ERROR
 */
GError *
ferry_api_error_new_full (FerryApiError  code,
                          guint          http_status,
                          const char    *server_text,
                          const char    *format,
                          ...)
{
  g_autofree char *message = NULL;
  FerryApiErrorPrivate *priv;
  GError *error;
  va_list args;

  g_return_val_if_fail (format != NULL, NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  error = g_error_new_literal (FERRY_API_ERROR, code, message);
  priv = ferry_api_error_get_private (error);
  priv->http_status = http_status;
  priv->server_text = g_strdup (server_text);
  return error;
}

FerryApiError
ferry_api_error_code_for_status (guint status)
{
  switch (status)
    {
    case 401:
      return FERRY_API_ERROR_AUTH;
    case 403:
      return FERRY_API_ERROR_FORBIDDEN;
    case 404:
    case 410:
      return FERRY_API_ERROR_NOT_FOUND;
    case 429:
      return FERRY_API_ERROR_RATE_LIMITED;
    case 400:
    case 409:
    case 413:
    case 422:
      return FERRY_API_ERROR_INVALID;
    case 405:
    case 501:
      return FERRY_API_ERROR_UNSUPPORTED;
    default:
      if (status >= 500 && status <= 599)
        return FERRY_API_ERROR_SERVER;
      return FERRY_API_ERROR_BAD_RESPONSE;
    }
}

static gboolean
looks_like_json (const char *content_type,
                 const char *body,
                 gsize       body_len)
{
  if (content_type != NULL && strstr (content_type, "json") != NULL)
    return TRUE;

  /* Some servers send JSON as text/html or with no type at all. */
  for (gsize i = 0; i < body_len; i++)
    {
      if (g_ascii_isspace (body[i]))
        continue;
      return body[i] == '{';
    }

  return FALSE;
}

/**
 * ferry_api_json_root_object:
 * @parser: a parser that loaded something
 *
 * An empty or blank text parses with no root at all, which JSON_NODE_HOLDS_OBJECT() must not
 * be given (a Json-CRITICAL): this is the one way to ask for the object a text held.
 *
 * Returns: (transfer none) (nullable): the root object, or %NULL when the root is none or
 *   not an object
 */
JsonObject *
ferry_api_json_root_object (JsonParser *parser)
{
  JsonNode *root;

  g_return_val_if_fail (JSON_IS_PARSER (parser), NULL);

  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

/**
 * ferry_api_json_too_deep:
 * @data: (array length=length): JSON text, not necessarily terminated
 * @max_depth: how many arrays and objects may nest
 *
 * json-glib parses recursively: 100,000 nested "[" (200 KB) overflow its stack. This scan
 * counts nesting without parsing, skipping strings (and the escapes in them), so a bracket
 * inside a string does not count.
 *
 * Returns: whether @data nests deeper than @max_depth
 */
gboolean
ferry_api_json_too_deep (const char *data,
                         gsize       length,
                         guint       max_depth)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; data != NULL && i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            return TRUE;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }
  return FALSE;
}

static char *
tidy_message (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *collapsed = NULL;
  GString *str;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  str = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = str->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (str, ' ');
      space = FALSE;
      g_string_append_unichar (str, c);
    }

  collapsed = g_string_free (str, FALSE);
  if (collapsed[0] == '\0')
    return NULL;

  if (g_utf8_strlen (collapsed, -1) > MAX_SERVER_MESSAGE)
    {
      char *end = g_utf8_offset_to_pointer (collapsed, MAX_SERVER_MESSAGE);
      g_autofree char *head = g_strndup (collapsed, end - collapsed);

      return g_strconcat (head, "…", NULL);
    }

  return g_steal_pointer (&collapsed);
}

/**
 * ferry_api_error_extract_message:
 * @content_type: (nullable): the answer's Content-Type
 * @body: (array length=body_len) (nullable): the answer's body, not necessarily terminated
 * @body_len: its length
 *
 * Finds the server's own explanation in an error answer: Mastodon's
 * `{"error": "…", "error_description": "…"}`, Akkoma's `{"error": "…"}`, and
 * Mastodon's validation details (`{"error": "Validation failed: …"}`).
 * HTML pages, broken JSON and anything else give %NULL.
 *
 * Returns: (transfer full) (nullable): one tidy line of text, or %NULL
 */
char *
ferry_api_error_extract_message (const char *content_type,
                                 const char *body,
                                 gsize       body_len)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonObject *object;
  const char *text = NULL;

  if (body == NULL || body_len == 0)
    return NULL;

  if (!looks_like_json (content_type, body, body_len))
    return NULL;

  parser = json_parser_new_immutable ();
  if (ferry_api_json_too_deep (body, body_len, FERRY_API_MAX_JSON_DEPTH) ||
      !json_parser_load_from_data (parser, body, body_len, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);

  /* OAuth errors put the readable part in error_description. */
  if (json_object_has_member (object, "error_description"))
    {
      JsonNode *node = json_object_get_member (object, "error_description");

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        text = json_node_get_string (node);
    }

  if (text == NULL && json_object_has_member (object, "error"))
    {
      JsonNode *node = json_object_get_member (object, "error");

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        text = json_node_get_string (node);
      else if (JSON_NODE_HOLDS_OBJECT (node))
        {
          /* Misskey: {"error": {"message": "…", "code": "…"}} */
          JsonObject *inner = json_node_get_object (node);

          if (json_object_has_member (inner, "message"))
            {
              JsonNode *msg = json_object_get_member (inner, "message");

              if (JSON_NODE_HOLDS_VALUE (msg) && json_node_get_value_type (msg) == G_TYPE_STRING)
                text = json_node_get_string (msg);
            }
        }
    }

  return tidy_message (text);
}

static char *
describe_status (const char *host,
                 guint       status)
{
  switch (ferry_api_error_code_for_status (status))
    {
    case FERRY_API_ERROR_AUTH:
      /* Translators: %s is a server name such as mastodon.social */
      return g_strdup_printf (_("%s no longer accepts Ferry’s sign-in. Sign in again."), host);
    case FERRY_API_ERROR_FORBIDDEN:
      return g_strdup_printf (_("%s did not allow this."), host);
    case FERRY_API_ERROR_NOT_FOUND:
      return g_strdup_printf (_("%s does not have what Ferry asked for."), host);
    case FERRY_API_ERROR_RATE_LIMITED:
      return g_strdup_printf (_("%s asked Ferry to slow down."), host);
    case FERRY_API_ERROR_INVALID:
      return g_strdup_printf (_("%s did not accept what Ferry sent."), host);
    case FERRY_API_ERROR_UNSUPPORTED:
      return g_strdup_printf (_("%s does not offer this."), host);
    case FERRY_API_ERROR_SERVER:
      return g_strdup_printf (_("%s had a problem of its own."), host);
    case FERRY_API_ERROR_NETWORK:
    case FERRY_API_ERROR_TLS:
    case FERRY_API_ERROR_BAD_RESPONSE:
    case FERRY_API_ERROR_TOO_LARGE:
    default:
      return g_strdup_printf (_("%s gave an answer Ferry does not understand."), host);
    }
}

/**
 * ferry_api_error_new_for_response:
 * @host: the server's name, as shown to people
 * @status: the HTTP status of the answer
 * @content_type: (nullable): its Content-Type
 * @body: (array length=body_len) (nullable): its body
 * @body_len: the body's length
 *
 * Makes the error for an answer that was not a success, in words a person
 * understands, with the server's own explanation and the status code.
 *
 * Returns: (transfer full): a new #GError in %FERRY_API_ERROR
 */
GError *
ferry_api_error_new_for_response (const char *host,
                                  guint       status,
                                  const char *content_type,
                                  const char *body,
                                  gsize       body_len)
{
  g_autofree char *description = NULL;
  g_autofree char *server_text = NULL;
  FerryApiError code;

  g_return_val_if_fail (host != NULL, NULL);

  code = ferry_api_error_code_for_status (status);
  server_text = ferry_api_error_extract_message (content_type, body, body_len);

  if (server_text != NULL)
    /* Translators: the first %s is a server name, the second its own words, %u an HTTP status */
    return ferry_api_error_new_full (code, status, server_text, _("%s answered “%s” (%u)."),
                                     host, server_text, status);

  description = describe_status (host, status);

  if (status >= 200 && status < 300)
    /* A success status whose body was unusable. */
    return ferry_api_error_new_full (FERRY_API_ERROR_BAD_RESPONSE, status, NULL, "%s",
                                     description);

  return ferry_api_error_new_full (code, status, NULL, "%s (%u)", description, status);
}
