/* ferry-tls-database.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_TLS_DATABASE (ferry_tls_database_get_type ())

G_DECLARE_FINAL_TYPE (FerryTlsDatabase, ferry_tls_database, FERRY, TLS_DATABASE, GTlsDatabase)

GTlsDatabase *ferry_tls_database_new     (const char  *extra_ca_file,
                                          GError     **error);
GTlsDatabase *ferry_tls_database_get_default (GError **error);

G_END_DECLS
