/* ferry-handle.c
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-handle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-handle.h"

G_DEFINE_QUARK (ferry-handle-error-quark, ferry_handle_error)
G_DEFINE_BOXED_TYPE (FerryHandle, ferry_handle, ferry_handle_copy, ferry_handle_free)

/* Mastodon's usernames are [a-z0-9_]; other servers also allow dots and hyphens. */
static gboolean
valid_username (const char *name)
{
  if (name[0] == '\0' || strlen (name) > 255)
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.' && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
valid_label (const char *label,
             gsize       len)
{
  if (len == 0 || len > 63 || label[0] == '-' || label[len - 1] == '-')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (label[i]) && label[i] != '-')
      return FALSE;
  return TRUE;
}

/* A DNS name with a dot, "localhost", or an IPv4 literal; in ASCII already. */
static gboolean
valid_ascii_host (const char *host)
{
  const char *label = host;
  gboolean dot = FALSE;

  if (g_hostname_is_ip_address (host))
    return strchr (host, ':') == NULL;   /* IPv6 literals would need brackets: not here */
  if (g_str_equal (host, "localhost"))
    return TRUE;
  if (strlen (host) > 253)
    return FALSE;

  for (const char *p = host;; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          if (!valid_label (label, p - label))
            return FALSE;
          if (*p == '\0')
            break;
          dot = TRUE;
          label = p + 1;
        }
    }
  return dot;
}

/* Sets *host (ASCII, lower case, :port) and *display from a "host[:port]" text. */
static gboolean
parse_host (const char  *text,
            char       **host,
            char       **display,
            GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *ascii = NULL;
  g_autofree char *unicode = NULL;
  const char *colon = strrchr (text, ':');
  guint64 port = 0;

  if (colon != NULL)
    {
      name = g_strndup (text, colon - text);
      if (colon[1] == '\0' ||
          !g_ascii_string_to_unsigned (colon + 1, 10, 1, 65535, &port, NULL))
        {
          g_set_error (error, FERRY_HANDLE_ERROR, FERRY_HANDLE_ERROR_BAD_PORT,
                       /* Translators: %s is what the person typed */
                       _("“%s” has a port that is not a number from 1 to 65535."), text);
          return FALSE;
        }
    }
  else
    name = g_strdup (text);

  if (name[0] == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, FERRY_HANDLE_ERROR, FERRY_HANDLE_ERROR_BAD_SERVER,
                   _("There is no server name in “%s”."), text);
      return FALSE;
    }

  /* Internationalised domain names: punycode for the wire, Unicode for people. */
  ascii = g_hostname_to_ascii (name);
  if (ascii != NULL)
    {
      char *lower = g_ascii_strdown (ascii, -1);

      g_free (ascii);
      ascii = lower;
      if (g_str_has_suffix (ascii, "."))
        ascii[strlen (ascii) - 1] = '\0';
    }
  if (ascii == NULL || !valid_ascii_host (ascii))
    {
      g_set_error (error, FERRY_HANDLE_ERROR, FERRY_HANDLE_ERROR_BAD_SERVER,
                   _("“%s” is not a server name. A server name looks like mastodon.social."),
                   name);
      return FALSE;
    }
  unicode = g_hostname_to_unicode (ascii);
  if (unicode == NULL || !g_utf8_validate (unicode, -1, NULL))
    {
      /* Punycode that does not decode to text is not a name anyone registered. */
      g_set_error (error, FERRY_HANDLE_ERROR, FERRY_HANDLE_ERROR_BAD_SERVER,
                   _("“%s” is not a server name. A server name looks like mastodon.social."),
                   ascii);
      return FALSE;
    }

  if (port != 0)
    {
      *host = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, ascii, port);
      *display = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, unicode, port);
    }
  else
    {
      *host = g_steal_pointer (&ascii);
      *display = g_steal_pointer (&unicode);
    }
  return TRUE;
}

/* https://host/@user, https://host/@user@other, https://host/users/user, https://host;
 * @shown is the text as the person gave it, for the messages. */
static FerryHandle *
parse_url (const char             *text,
           const char             *shown,
           FerryHandleParseFlags   flags,
           GError                **error)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NON_DNS | G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *host_text = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) segments = NULL;
  FerryHandle *handle;
  const char *user = NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, FERRY_HANDLE_ERROR, FERRY_HANDLE_ERROR_BAD_SERVER,
                   _("“%s” is not an address Ferry understands."), shown);
      return NULL;
    }

  host_text = g_uri_get_port (uri) > 0
                ? g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri))
                : g_strdup (g_uri_get_host (uri));
  {
    g_autofree char *unescaped = g_uri_unescape_string (host_text, NULL);

    if (unescaped != NULL)
      {
        g_free (host_text);
        host_text = g_steal_pointer (&unescaped);
      }
  }
  path = g_uri_unescape_string (g_uri_get_path (uri), NULL);
  segments = g_strsplit (path ? path : "", "/", -1);

  /* segments[0] is the empty text before the first slash. */
  if (segments[0] != NULL && segments[1] != NULL && segments[1][0] == '@')
    user = segments[1] + 1;
  else if (segments[0] != NULL && segments[1] != NULL && g_str_equal (segments[1], "users") &&
           segments[2] != NULL)
    user = segments[2];

  if (user != NULL && user[0] == '\0')
    user = NULL;   /* "host/@": no name given */
  if (user != NULL && strchr (user, '@') != NULL)
    {
      /* A remote account's page on this server: the handle is the other one. */
      return ferry_handle_parse (user, flags, error);
    }

  handle = g_new0 (FerryHandle, 1);
  if (!parse_host (host_text, &handle->host, &handle->display_host, error))
    {
      ferry_handle_free (handle);
      return NULL;
    }
  if (user != NULL)
    {
      if (!valid_username (user))
        {
          g_set_error (error, FERRY_HANDLE_ERROR, FERRY_HANDLE_ERROR_BAD_USERNAME,
                       _("“%s” is not a valid account name."), user);
          ferry_handle_free (handle);
          return NULL;
        }
      handle->username = g_strdup (user);
    }
  else if (!(flags & FERRY_HANDLE_PARSE_SERVER_ONLY))
    {
      g_set_error (error, FERRY_HANDLE_ERROR, FERRY_HANDLE_ERROR_NO_USERNAME,
                   _("“%s” is a server, not an account. Add the account’s name, as in "
                     "@name@%s."), shown, handle->display_host);
      ferry_handle_free (handle);
      return NULL;
    }
  return handle;
}

/**
 * ferry_handle_parse:
 * @text: what the person typed or pasted
 *
 * Understands `@user@host`, `user@host`, `https://host/@user`, `https://host/users/user`,
 * the same without the scheme (`host/@user`, as copied from an address bar),
 * profile pages of remote accounts (`https://host/@user@other`), internationalised server
 * names, and ports (`user@127.0.0.1:8443`). With %FERRY_HANDLE_PARSE_SERVER_ONLY a server
 * alone (`mastodon.social`, `https://mastodon.social/`) is accepted too.
 *
 * Returns: (transfer full): the handle, or %NULL with @error in %FERRY_HANDLE_ERROR
 */
FerryHandle *
ferry_handle_parse (const char             *text,
                    FerryHandleParseFlags   flags,
                    GError                **error)
{
  g_autofree char *trimmed = NULL;
  const char *rest;
  const char *at;
  FerryHandle *handle;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (text ? text : ""));
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, FERRY_HANDLE_ERROR, FERRY_HANDLE_ERROR_EMPTY,
                           _("Enter an account, such as @name@mastodon.social."));
      return NULL;
    }
  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, FERRY_HANDLE_ERROR, FERRY_HANDLE_ERROR_BAD_SERVER,
                           _("The address contains characters that are not text."));
      return NULL;
    }

  if (g_str_has_prefix (trimmed, "https://") || g_str_has_prefix (trimmed, "http://"))
    return parse_url (trimmed, trimmed, flags, error);
  if (g_str_has_prefix (trimmed, "acct:"))
    memmove (trimmed, trimmed + 5, strlen (trimmed + 5) + 1);

  rest = trimmed[0] == '@' ? trimmed + 1 : trimmed;
  at = strchr (rest, '@');

  /* A profile address copied without its scheme: "gts-a.test/@alice",
   * "mastodon.example/users/alice". A slash before any "@" is a path, never part of a name. */
  {
    const char *slash = strchr (rest, '/');

    if (trimmed[0] != '@' && slash != NULL && (at == NULL || slash < at) && slash[1] != '\0')
      {
        g_autofree char *url = g_strconcat ("https://", rest, NULL);

        return parse_url (url, trimmed, flags, error);
      }
  }

  handle = g_new0 (FerryHandle, 1);
  if (at == NULL)
    {
      g_autofree char *server = g_strdup (rest);
      char *slash = strchr (server, '/');

      /* "mastodon.social" or "mastodon.social/": a server alone. */
      if (slash != NULL && slash[1] == '\0')
        *slash = '\0';
      if (trimmed[0] == '@' || !(flags & FERRY_HANDLE_PARSE_SERVER_ONLY) ||
          (slash != NULL && slash[0] != '\0'))
        {
          g_set_error (error, FERRY_HANDLE_ERROR, FERRY_HANDLE_ERROR_BAD_SERVER,
                       _("“%s” has no server. An account looks like @name@mastodon.social."),
                       trimmed);
          ferry_handle_free (handle);
          return NULL;
        }
      if (!parse_host (server, &handle->host, &handle->display_host, error))
        {
          ferry_handle_free (handle);
          return NULL;
        }
      return handle;
    }

  handle->username = g_strndup (rest, at - rest);
  if (strchr (at + 1, '@') != NULL)
    {
      g_set_error (error, FERRY_HANDLE_ERROR, FERRY_HANDLE_ERROR_BAD_SERVER,
                   _("“%s” has more than one server in it."), trimmed);
      ferry_handle_free (handle);
      return NULL;
    }
  if (!valid_username (handle->username))
    {
      g_set_error (error, FERRY_HANDLE_ERROR, FERRY_HANDLE_ERROR_BAD_USERNAME,
                   handle->username[0] ? _("“%s” is not a valid account name.")
                                       : _("The account name is missing in “%s”."),
                   handle->username[0] ? handle->username : trimmed);
      ferry_handle_free (handle);
      return NULL;
    }
  if (!parse_host (at + 1, &handle->host, &handle->display_host, error))
    {
      ferry_handle_free (handle);
      return NULL;
    }
  return handle;
}

FerryHandle *
ferry_handle_copy (const FerryHandle *handle)
{
  FerryHandle *copy;

  g_return_val_if_fail (handle != NULL, NULL);

  copy = g_new0 (FerryHandle, 1);
  copy->username = g_strdup (handle->username);
  copy->host = g_strdup (handle->host);
  copy->display_host = g_strdup (handle->display_host);
  return copy;
}

void
ferry_handle_free (FerryHandle *handle)
{
  if (handle == NULL)
    return;
  g_free (handle->username);
  g_free (handle->host);
  g_free (handle->display_host);
  g_free (handle);
}

/* "user@host" in ASCII, as servers want it; the host alone without a user. */
char *
ferry_handle_to_string (const FerryHandle *handle)
{
  g_return_val_if_fail (handle != NULL, NULL);

  if (handle->username == NULL)
    return g_strdup (handle->host);
  return g_strdup_printf ("%s@%s", handle->username, handle->host);
}

/* "@user@host" in Unicode, as people read it. */
char *
ferry_handle_to_display (const FerryHandle *handle)
{
  g_return_val_if_fail (handle != NULL, NULL);

  if (handle->username == NULL)
    return g_strdup (handle->display_host);
  return g_strdup_printf ("@%s@%s", handle->username, handle->display_host);
}

char *
ferry_handle_get_base_url (const FerryHandle *handle)
{
  g_return_val_if_fail (handle != NULL, NULL);

  return g_strdup_printf ("https://%s", handle->host);
}

/* One rule for every address Ferry compares, the one Mastodon applies: an account is the same
 * whatever the case of its name or of its server's (mastodon:app/models/concerns/account/
 * finder_concern.rb, AccountFinder compares `lower(username)` and `lower(domain)`), and a server
 * name is stored normalised (mastodon:app/lib/tag_manager.rb, `TagManager#normalize_domain`:
 * Addressable's `normalized_host`, lower case and IDNA ASCII). The name keeps the case the server
 * wrote it in: Mastodon's CSV export writes `account.acct` as stored, so the written form
 * (ferry_handle_normalize_acct()) keeps it and only keys and comparisons fold it. */
gboolean
ferry_handle_equal (const FerryHandle *a,
                    const FerryHandle *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->host, b->host) == 0 &&
         (a->username == b->username ||
          (a->username && b->username && g_ascii_strcasecmp (a->username, b->username) == 0));
}

/**
 * ferry_handle_to_key:
 *
 * Returns: (transfer full): "user@host" in lower case: equal for equal handles, for hash tables
 */
char *
ferry_handle_to_key (const FerryHandle *handle)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (handle != NULL, NULL);

  text = ferry_handle_to_string (handle);
  return g_utf8_strdown (text, -1);
}

/* The server part of an acct as FerryHandle keeps it; what no parser takes stays as it came,
 * in lower case, so that an odd address still compares with itself. */
static char *
normalize_host (const char *host)
{
  g_autofree char *ascii = g_utf8_validate (host, -1, NULL) ? g_hostname_to_ascii (host) : NULL;
  char *lower = g_ascii_strdown (ascii ? ascii : host, -1);
  gsize len = strlen (lower);

  if (len > 1 && lower[len - 1] == '.')
    lower[len - 1] = '\0';
  return lower;
}

/**
 * ferry_handle_normalize_acct:
 * @acct: an account as a server names it: "name", "name@host" or "@name@host"
 * @local_host: (nullable): the server that named it: a name alone is one of its accounts
 *
 * The written form of an address: "name@host", the name as the server wrote it, the host
 * normalised (lower case, IDNA ASCII, no final dot). This is what Ferry stores and what the
 * CSV files get (Mastodon's export writes names in their case).
 *
 * Returns: (transfer full) (nullable): the address, %NULL for %NULL or an empty name, or a name
 *   alone without @local_host
 */
char *
ferry_handle_normalize_acct (const char *acct,
                             const char *local_host)
{
  g_autofree char *host = NULL;
  const char *at;

  if (acct == NULL)
    return NULL;
  if (acct[0] == '@')
    acct++;
  at = strchr (acct, '@');
  if (at == acct || acct[0] == '\0')
    return NULL;
  if (at == NULL && (local_host == NULL || local_host[0] == '\0'))
    return NULL;
  host = normalize_host (at ? at + 1 : local_host);
  if (host[0] == '\0')
    return NULL;
  return g_strdup_printf ("%.*s@%s", at ? (int) (at - acct) : (int) strlen (acct), acct, host);
}

/**
 * ferry_handle_acct_key:
 *
 * Like ferry_handle_normalize_acct(), with the name in lower case too: the key under which
 * Ferry looks an account up, equal for every way of writing one account.
 *
 * Returns: (transfer full) (nullable): the key
 */
char *
ferry_handle_acct_key (const char *acct,
                       const char *local_host)
{
  g_autofree char *written = ferry_handle_normalize_acct (acct, local_host);

  return written ? g_utf8_strdown (written, -1) : NULL;
}

/* Whether two full addresses ("name@host") name one account. */
gboolean
ferry_handle_acct_equal (const char *a,
                         const char *b)
{
  g_autofree char *ka = ferry_handle_acct_key (a, NULL);
  g_autofree char *kb = ferry_handle_acct_key (b, NULL);

  return ka != NULL && g_strcmp0 (ka, kb) == 0;
}
