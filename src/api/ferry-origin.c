/* ferry-origin.c: whether an address is a server's own origin
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A token, and a probe's next request, go only to the server's own origin. Addresses are
 * compared parsed, never by prefix: "https://host:443@evil/" is on evil, and
 * "https://host.evil/" starts with "https://host".
 */

#define G_LOG_DOMAIN "ferry-origin"

#include "config.h"

#include "ferry-origin.h"

static int
effective_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port > 0)
    return port;
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

/**
 * ferry_origin_is_https:
 *
 * Returns: whether @uri is an https address with a host
 */
gboolean
ferry_origin_is_https (GUri *uri)
{
  return uri != NULL && g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 &&
         g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0';
}

/**
 * ferry_origin_equal:
 * @origin: the server's own address
 * @uri: (nullable): an address to go to
 *
 * Returns: whether @uri is on @origin over https: both https, the same host (in any case) and
 *   port (443 when none is written), and no user info before the host
 */
gboolean
ferry_origin_equal (GUri *origin,
                    GUri *uri)
{
  return origin != NULL && ferry_origin_is_https (origin) && ferry_origin_is_https (uri) &&
         g_uri_get_userinfo (uri) == NULL &&
         g_ascii_strcasecmp (g_uri_get_host (uri), g_uri_get_host (origin)) == 0 &&
         effective_port (uri) == effective_port (origin);
}

/**
 * ferry_origin_describe:
 *
 * Returns: "scheme://host[:port]" of @uri, to name it to people without its path or query
 */
char *
ferry_origin_describe (GUri *uri)
{
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup ("?");
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri),
                            g_uri_get_port (uri));
  return g_strdup_printf ("%s://%s", g_uri_get_scheme (uri), g_uri_get_host (uri));
}
