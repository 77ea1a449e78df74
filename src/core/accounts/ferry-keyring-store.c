/* ferry-keyring-store.c: secrets in the person's keyring, through libsecret (the Secret
 * portal inside Flatpak)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One schema; one item per account (its token) and one per server (Ferry's app
 * registration there). Nothing secret goes to files, settings or logs.
 */

#define G_LOG_DOMAIN "ferry-keyring-store"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "ferry-keyring-store.h"

/* A keyring that would prompt where nobody can answer must not hang the app. */
#define KEYRING_TIMEOUT_SECONDS 30

struct _FerryKeyringStore
{
  FerrySecretStore parent_instance;
};

G_DEFINE_FINAL_TYPE (FerryKeyringStore, ferry_keyring_store, FERRY_TYPE_SECRET_STORE)

static const SecretSchema *
schema (void)
{
  static const SecretSchema the_schema = {
    "io.github.ferryapp.Ferry.Secret", SECRET_SCHEMA_NONE,
    {
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "key", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &the_schema;
}

/* Owns its strings: libsecret keeps the table after the call returns. */
static GHashTable *
attributes (FerrySecretKind  kind,
            const char      *key)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (table, g_strdup ("kind"),
                       g_strdup (kind == FERRY_SECRET_TOKEN ? "token" : "client"));
  g_hash_table_insert (table, g_strdup ("key"), g_strdup (key));
  return table;
}

/* The errors people meet (test-infra.md §3), in their words. */
static GError *
explain (GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
      error->domain == G_SPAWN_ERROR || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED))
    return g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                        _("No keyring is available to keep your sign-in safe. Install and start "
                          "a keyring (such as GNOME Keyring), then try again. (%s)"),
                        error->message);
  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT))
    return g_error_new (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                        _("Your keyring is locked. Unlock it, then try again. (%s)"),
                        error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                        _("The keyring did not answer. It may be waiting for its password."));
  return g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, _("The keyring failed: %s"), error->message);
}

/* Each call gets a cancellable that also fires after the timeout. */
static GCancellable *
with_timeout (GCancellable *cancellable,
              GTask        *task)
{
  GCancellable *own = g_cancellable_new ();
  GSource *timeout;

  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel), own,
                             G_CONNECT_SWAPPED);
  timeout = g_timeout_source_new_seconds (KEYRING_TIMEOUT_SECONDS);
  g_source_set_callback (timeout, (GSourceFunc) (void (*) (void)) g_cancellable_cancel,
                         g_object_ref (own), g_object_unref);
  g_source_attach (timeout, g_main_context_get_thread_default ());
  g_task_set_task_data (task, timeout, (GDestroyNotify) g_source_destroy);
  g_source_unref (timeout);
  return own;
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, explain (error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
ferry_keyring_store_store_async (FerrySecretStore    *store,
                                 FerrySecretKind      kind,
                                 const char          *key,
                                 const char          *label,
                                 const char          *secret,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  g_autoptr(GHashTable) attrs = attributes (kind, key);
  g_autoptr(GCancellable) own = with_timeout (cancellable, task);

  secret_password_storev (schema (), attrs, SECRET_COLLECTION_DEFAULT, label, secret, own,
                          stored_cb, task);
}

static gboolean
ferry_keyring_store_store_finish (FerrySecretStore  *store,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, explain (error));
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

static void
ferry_keyring_store_lookup_async (FerrySecretStore    *store,
                                  FerrySecretKind      kind,
                                  const char          *key,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  g_autoptr(GHashTable) attrs = attributes (kind, key);
  g_autoptr(GCancellable) own = with_timeout (cancellable, task);

  secret_password_lookupv (schema (), attrs, own, looked_up_cb, task);
}

static char *
ferry_keyring_store_lookup_finish (FerrySecretStore  *store,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  char *secret = g_task_propagate_pointer (G_TASK (result), error);
  char *copy = g_strdup (secret);

  secret_password_free (secret);
  return copy;
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, explain (error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
ferry_keyring_store_clear_async (FerrySecretStore    *store,
                                 FerrySecretKind      kind,
                                 const char          *key,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  g_autoptr(GHashTable) attrs = attributes (kind, key);
  g_autoptr(GCancellable) own = with_timeout (cancellable, task);

  secret_password_clearv (schema (), attrs, own, cleared_cb, task);
}

static gboolean
ferry_keyring_store_clear_finish (FerrySecretStore  *store,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
ferry_keyring_store_class_init (FerryKeyringStoreClass *klass)
{
  FerrySecretStoreClass *store_class = FERRY_SECRET_STORE_CLASS (klass);

  store_class->store_async = ferry_keyring_store_store_async;
  store_class->store_finish = ferry_keyring_store_store_finish;
  store_class->lookup_async = ferry_keyring_store_lookup_async;
  store_class->lookup_finish = ferry_keyring_store_lookup_finish;
  store_class->clear_async = ferry_keyring_store_clear_async;
  store_class->clear_finish = ferry_keyring_store_clear_finish;
}

static void
ferry_keyring_store_init (FerryKeyringStore *self)
{
}

FerrySecretStore *
ferry_keyring_store_new (void)
{
  return g_object_new (FERRY_TYPE_KEYRING_STORE, NULL);
}
