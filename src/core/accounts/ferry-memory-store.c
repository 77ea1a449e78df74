/* ferry-memory-store.c: secrets in memory only, for tests
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-memory-store"

#include "config.h"

#include "ferry-memory-store.h"

struct _FerryMemoryStore
{
  FerrySecretStore  parent_instance;

  GHashTable       *secrets;   /* "kind:key" → secret */
};

G_DEFINE_FINAL_TYPE (FerryMemoryStore, ferry_memory_store, FERRY_TYPE_SECRET_STORE)

static char *
slot (FerrySecretKind  kind,
      const char      *key)
{
  return g_strdup_printf ("%d:%s", kind, key);
}

static void
ferry_memory_store_store_async (FerrySecretStore    *store,
                                FerrySecretKind      kind,
                                const char          *key,
                                const char          *label,
                                const char          *secret,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  FerryMemoryStore *self = FERRY_MEMORY_STORE (store);
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);

  g_hash_table_replace (self->secrets, slot (kind, key), g_strdup (secret));
  g_task_return_boolean (task, TRUE);
}

static gboolean
ferry_memory_store_store_finish (FerrySecretStore  *store,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
ferry_memory_store_lookup_async (FerrySecretStore    *store,
                                 FerrySecretKind      kind,
                                 const char          *key,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  FerryMemoryStore *self = FERRY_MEMORY_STORE (store);
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  g_autofree char *name = slot (kind, key);

  g_task_return_pointer (task, g_strdup (g_hash_table_lookup (self->secrets, name)), g_free);
}

static char *
ferry_memory_store_lookup_finish (FerrySecretStore  *store,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
ferry_memory_store_clear_async (FerrySecretStore    *store,
                                FerrySecretKind      kind,
                                const char          *key,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  FerryMemoryStore *self = FERRY_MEMORY_STORE (store);
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  g_autofree char *name = slot (kind, key);

  g_hash_table_remove (self->secrets, name);
  g_task_return_boolean (task, TRUE);
}

static gboolean
ferry_memory_store_clear_finish (FerrySecretStore  *store,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
ferry_memory_store_finalize (GObject *object)
{
  FerryMemoryStore *self = FERRY_MEMORY_STORE (object);

  g_hash_table_unref (self->secrets);

  G_OBJECT_CLASS (ferry_memory_store_parent_class)->finalize (object);
}

static void
ferry_memory_store_class_init (FerryMemoryStoreClass *klass)
{
  FerrySecretStoreClass *store_class = FERRY_SECRET_STORE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ferry_memory_store_finalize;
  store_class->store_async = ferry_memory_store_store_async;
  store_class->store_finish = ferry_memory_store_store_finish;
  store_class->lookup_async = ferry_memory_store_lookup_async;
  store_class->lookup_finish = ferry_memory_store_lookup_finish;
  store_class->clear_async = ferry_memory_store_clear_async;
  store_class->clear_finish = ferry_memory_store_clear_finish;
}

static void
ferry_memory_store_init (FerryMemoryStore *self)
{
  self->secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

FerrySecretStore *
ferry_memory_store_new (void)
{
  return g_object_new (FERRY_TYPE_MEMORY_STORE, NULL);
}

guint
ferry_memory_store_size (FerryMemoryStore *self)
{
  g_return_val_if_fail (FERRY_IS_MEMORY_STORE (self), 0);

  return g_hash_table_size (self->secrets);
}
