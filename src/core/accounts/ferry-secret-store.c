/* ferry-secret-store.c: where tokens and app credentials live, and nowhere else
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-secret-store"

#include "config.h"

#include "ferry-secret-store.h"

G_DEFINE_ABSTRACT_TYPE (FerrySecretStore, ferry_secret_store, G_TYPE_OBJECT)

static void
ferry_secret_store_class_init (FerrySecretStoreClass *klass)
{
}

static void
ferry_secret_store_init (FerrySecretStore *self)
{
}

void
ferry_secret_store_store_async (FerrySecretStore    *self,
                                FerrySecretKind      kind,
                                const char          *key,
                                const char          *label,
                                const char          *secret,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (FERRY_IS_SECRET_STORE (self));
  g_return_if_fail (key != NULL && secret != NULL);

  FERRY_SECRET_STORE_GET_CLASS (self)->store_async (self, kind, key, label, secret, cancellable,
                                                    callback, user_data);
}

gboolean
ferry_secret_store_store_finish (FerrySecretStore  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  return FERRY_SECRET_STORE_GET_CLASS (self)->store_finish (self, result, error);
}

void
ferry_secret_store_lookup_async (FerrySecretStore    *self,
                                 FerrySecretKind      kind,
                                 const char          *key,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (FERRY_IS_SECRET_STORE (self));
  g_return_if_fail (key != NULL);

  FERRY_SECRET_STORE_GET_CLASS (self)->lookup_async (self, kind, key, cancellable, callback,
                                                     user_data);
}

/**
 * ferry_secret_store_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the secret; %NULL without @error when there is none
 */
char *
ferry_secret_store_lookup_finish (FerrySecretStore  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return FERRY_SECRET_STORE_GET_CLASS (self)->lookup_finish (self, result, error);
}

void
ferry_secret_store_clear_async (FerrySecretStore    *self,
                                FerrySecretKind      kind,
                                const char          *key,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (FERRY_IS_SECRET_STORE (self));

  FERRY_SECRET_STORE_GET_CLASS (self)->clear_async (self, kind, key, cancellable, callback,
                                                    user_data);
}

gboolean
ferry_secret_store_clear_finish (FerrySecretStore  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  return FERRY_SECRET_STORE_GET_CLASS (self)->clear_finish (self, result, error);
}
