/* ferry-handle.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FERRY_HANDLE_ERROR (ferry_handle_error_quark ())

typedef enum
{
  FERRY_HANDLE_ERROR_EMPTY,
  FERRY_HANDLE_ERROR_NO_USERNAME,
  FERRY_HANDLE_ERROR_BAD_USERNAME,
  FERRY_HANDLE_ERROR_BAD_SERVER,
  FERRY_HANDLE_ERROR_BAD_PORT,
} FerryHandleError;

typedef enum
{
  FERRY_HANDLE_PARSE_DEFAULT     = 0,
  FERRY_HANDLE_PARSE_SERVER_ONLY = 1 << 0,  /* "mastodon.social" alone is fine */
} FerryHandleParseFlags;

/**
 * FerryHandle:
 * @username: (nullable): the account's name, %NULL when only a server was given
 * @host: the server, in ASCII (punycode), lower case, with ":PORT" when one was given
 * @display_host: the server as people write it (Unicode)
 *
 * An account address, @user@host, from any of the ways people write one.
 */
typedef struct
{
  char *username;
  char *host;
  char *display_host;
} FerryHandle;

#define FERRY_TYPE_HANDLE (ferry_handle_get_type ())

GQuark       ferry_handle_error_quark (void);
GType        ferry_handle_get_type    (void) G_GNUC_CONST;
FerryHandle *ferry_handle_parse       (const char             *text,
                                       FerryHandleParseFlags   flags,
                                       GError                **error);
FerryHandle *ferry_handle_copy        (const FerryHandle      *handle);
void         ferry_handle_free        (FerryHandle            *handle);
char        *ferry_handle_to_string   (const FerryHandle      *handle);
char        *ferry_handle_to_display  (const FerryHandle      *handle);
char        *ferry_handle_get_base_url (const FerryHandle     *handle);
gboolean     ferry_handle_equal       (const FerryHandle      *a,
                                       const FerryHandle      *b);
char        *ferry_handle_to_key      (const FerryHandle      *handle);

char        *ferry_handle_normalize_acct (const char          *acct,
                                          const char          *local_host);
char        *ferry_handle_acct_key    (const char             *acct,
                                       const char             *local_host);
gboolean     ferry_handle_acct_equal  (const char             *a,
                                       const char             *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FerryHandle, ferry_handle_free)

G_END_DECLS
