/* ferry-api-error.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FERRY_API_ERROR (ferry_api_error_quark ())

/**
 * FerryApiError:
 * @FERRY_API_ERROR_NETWORK: the server could not be reached, or the connection dropped
 * @FERRY_API_ERROR_TLS: the server's certificate was not accepted
 * @FERRY_API_ERROR_AUTH: the token was refused (401): signed out or revoked
 * @FERRY_API_ERROR_FORBIDDEN: the server refused the action (403)
 * @FERRY_API_ERROR_NOT_FOUND: no such thing on the server (404, 410)
 * @FERRY_API_ERROR_RATE_LIMITED: too many requests (429)
 * @FERRY_API_ERROR_INVALID: the server rejected what was sent (400, 422)
 * @FERRY_API_ERROR_SERVER: the server failed (5xx)
 * @FERRY_API_ERROR_BAD_RESPONSE: the answer was not what the API promises (HTML, broken JSON)
 * @FERRY_API_ERROR_UNSUPPORTED: the server does not offer this at all
 * @FERRY_API_ERROR_TOO_LARGE: the answer was larger than Ferry takes (an API answer, a file)
 *
 * Errors from talking to a server. Every message is a sentence a person understands.
 */
typedef enum
{
  FERRY_API_ERROR_NETWORK,
  FERRY_API_ERROR_TLS,
  FERRY_API_ERROR_AUTH,
  FERRY_API_ERROR_FORBIDDEN,
  FERRY_API_ERROR_NOT_FOUND,
  FERRY_API_ERROR_RATE_LIMITED,
  FERRY_API_ERROR_INVALID,
  FERRY_API_ERROR_SERVER,
  FERRY_API_ERROR_BAD_RESPONSE,
  FERRY_API_ERROR_UNSUPPORTED,
  FERRY_API_ERROR_TOO_LARGE,
} FerryApiError;

/* Deeper JSON than this is refused before json-glib's recursive parser sees it. */
#define FERRY_API_MAX_JSON_DEPTH 512

GQuark        ferry_api_error_quark              (void);
FerryApiError ferry_api_error_code_for_status    (guint        status);

/* What every FERRY_API_ERROR carries besides its sentence (G_DEFINE_EXTENDED_ERROR): callers
 * decide on these fields, never on the message. */
guint         ferry_api_error_get_http_status    (const GError *error);
const char   *ferry_api_error_get_server_text    (const GError *error);
gint64        ferry_api_error_get_reset_time     (const GError *error);
void          ferry_api_error_set_reset_time     (GError       *error,
                                                  gint64        unix_time);
GError       *ferry_api_error_new_full           (FerryApiError code,
                                                  guint         http_status,
                                                  const char   *server_text,
                                                  const char   *format,
                                                  ...) G_GNUC_PRINTF (4, 5);

char         *ferry_api_error_extract_message    (const char  *content_type,
                                                  const char  *body,
                                                  gsize        body_len);
GError       *ferry_api_error_new_for_response   (const char  *host,
                                                  guint        status,
                                                  const char  *content_type,
                                                  const char  *body,
                                                  gsize        body_len);
gboolean      ferry_api_json_too_deep            (const char  *data,
                                                  gsize        length,
                                                  guint        max_depth);
JsonObject   *ferry_api_json_root_object         (JsonParser  *parser);

G_END_DECLS
