/* ferry-client.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ferry-params.h"
#include "ferry-rate-limiter.h"

G_BEGIN_DECLS

#define FERRY_TYPE_CLIENT (ferry_client_get_type ())

G_DECLARE_FINAL_TYPE (FerryClient, ferry_client, FERRY, CLIENT, GObject)

FerryClient      *ferry_client_new              (const char           *base_url,
                                                 GTlsDatabase         *tls_database);
const char       *ferry_client_get_base_url     (FerryClient          *self);
const char       *ferry_client_get_host         (FerryClient          *self);
GTlsDatabase     *ferry_client_get_tls_database (FerryClient          *self);
void              ferry_client_set_token        (FerryClient          *self,
                                                 const char           *token);
FerryRateLimiter *ferry_client_get_rate_limiter (FerryClient          *self);
void              ferry_client_set_time_scale   (FerryClient          *self,
                                                 double                scale);
guint             ferry_client_get_retries      (FerryClient          *self);

void              ferry_client_call_async       (FerryClient          *self,
                                                 const char           *method,
                                                 const char           *path,
                                                 FerryParams          *params,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
void              ferry_client_call_full_async  (FerryClient          *self,
                                                 const char           *method,
                                                 const char           *path,
                                                 FerryParams          *params,
                                                 int                   io_priority,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
JsonNode         *ferry_client_call_finish      (FerryClient          *self,
                                                 GAsyncResult         *result,
                                                 char                **next_url,
                                                 GError              **error);
void              ferry_client_list_async       (FerryClient          *self,
                                                 const char           *path,
                                                 guint                 max_items,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
JsonArray        *ferry_client_list_finish      (FerryClient          *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void              ferry_client_get_bytes_async  (FerryClient          *self,
                                                 const char           *url,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
void              ferry_client_get_activity_async (FerryClient        *self,
                                                 const char           *uri,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GBytes           *ferry_client_get_bytes_finish (FerryClient          *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void              ferry_client_download_async   (FerryClient          *self,
                                                 const char           *url,
                                                 const char           *path,
                                                 goffset               max_bytes,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean          ferry_client_download_finish  (FerryClient          *self,
                                                 GAsyncResult         *result,
                                                 goffset              *size,
                                                 GError              **error);
void              ferry_client_set_limits       (FerryClient          *self,
                                                 gsize                 max_answer,
                                                 goffset               max_file,
                                                 guint                 call_deadline,
                                                 guint                 file_deadline,
                                                 guint                 idle_timeout);
void              ferry_client_sleep_async      (FerryClient          *self,
                                                 gint64                seconds,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean          ferry_client_sleep_finish     (FerryClient          *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
