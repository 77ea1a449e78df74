/* ferry-secret-store.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * FerrySecretKind:
 * @FERRY_SECRET_TOKEN: an account's access token (key: the account's handle)
 * @FERRY_SECRET_CLIENT: Ferry's app registration on a server (key: the server's host)
 */
typedef enum
{
  FERRY_SECRET_TOKEN,
  FERRY_SECRET_CLIENT,
} FerrySecretKind;

#define FERRY_TYPE_SECRET_STORE (ferry_secret_store_get_type ())

G_DECLARE_DERIVABLE_TYPE (FerrySecretStore, ferry_secret_store, FERRY, SECRET_STORE, GObject)

struct _FerrySecretStoreClass
{
  GObjectClass parent_class;

  void     (*store_async)   (FerrySecretStore    *self,
                             FerrySecretKind      kind,
                             const char          *key,
                             const char          *label,
                             const char          *secret,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  gboolean (*store_finish)  (FerrySecretStore    *self,
                             GAsyncResult        *result,
                             GError             **error);
  void     (*lookup_async)  (FerrySecretStore    *self,
                             FerrySecretKind      kind,
                             const char          *key,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  char    *(*lookup_finish) (FerrySecretStore    *self,
                             GAsyncResult        *result,
                             GError             **error);
  void     (*clear_async)   (FerrySecretStore    *self,
                             FerrySecretKind      kind,
                             const char          *key,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  gboolean (*clear_finish)  (FerrySecretStore    *self,
                             GAsyncResult        *result,
                             GError             **error);
};

void      ferry_secret_store_store_async   (FerrySecretStore    *self,
                                            FerrySecretKind      kind,
                                            const char          *key,
                                            const char          *label,
                                            const char          *secret,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  ferry_secret_store_store_finish  (FerrySecretStore    *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void      ferry_secret_store_lookup_async  (FerrySecretStore    *self,
                                            FerrySecretKind      kind,
                                            const char          *key,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
char     *ferry_secret_store_lookup_finish (FerrySecretStore    *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void      ferry_secret_store_clear_async   (FerrySecretStore    *self,
                                            FerrySecretKind      kind,
                                            const char          *key,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  ferry_secret_store_clear_finish  (FerrySecretStore    *self,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
