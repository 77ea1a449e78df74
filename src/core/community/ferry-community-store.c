/* ferry-community-store.c: the communities a helper looks after, saved on disk
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file per community, <dir>/<id>.json. A community that changes is saved a moment
 * later (changes come in bursts: a check pass changes thousands of members), in a thread;
 * a second change while a save runs saves again once it is done. flush() writes what is
 * pending at once, for the command line and for quitting.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "ferry-community-store.h"
#include "ferry-private-file.h"

/* How long after a change the community is written. */
#define SAVE_DELAY_MS 500

typedef struct
{
  FerryCommunityStore *store;   /* borrowed; cleared when the store goes */
  FerryCommunity *community;
  gulong changed_id;
  guint timeout_id;
  gboolean dirty;
  gboolean saving;
} Entry;

struct _FerryCommunityStore
{
  GObject parent_instance;

  char *dir;
  GPtrArray *entries;   /* Entry */
};

static void ferry_community_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FerryCommunityStore, ferry_community_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ferry_community_store_list_model_init))

static void save_entry (Entry *entry);

static void
entry_free (Entry *entry)
{
  g_clear_handle_id (&entry->timeout_id, g_source_remove);
  g_clear_signal_handler (&entry->changed_id, entry->community);
  entry->store = NULL;
  /* A save in flight holds its own reference on the entry's community through its task and
   * frees the entry when it ends. */
  if (entry->saving)
    return;
  g_clear_object (&entry->community);
  g_free (entry);
}

static GType
get_item_type (GListModel *model)
{
  return FERRY_TYPE_COMMUNITY;
}

static guint
get_n_items (GListModel *model)
{
  return FERRY_COMMUNITY_STORE (model)->entries->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  FerryCommunityStore *self = FERRY_COMMUNITY_STORE (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (((Entry *) g_ptr_array_index (self->entries, position))->community);
}

static void
ferry_community_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
ferry_community_store_finalize (GObject *object)
{
  FerryCommunityStore *self = FERRY_COMMUNITY_STORE (object);

  g_ptr_array_unref (self->entries);
  g_free (self->dir);

  G_OBJECT_CLASS (ferry_community_store_parent_class)->finalize (object);
}

static void
ferry_community_store_class_init (FerryCommunityStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_community_store_finalize;
}

static void
ferry_community_store_init (FerryCommunityStore *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}

FerryCommunityStore *
ferry_community_store_new (const char *dir)
{
  FerryCommunityStore *self = g_object_new (FERRY_TYPE_COMMUNITY_STORE, NULL);

  self->dir = dir != NULL ? g_strdup (dir)
                          : g_build_filename (g_get_user_data_dir (), "ferry", "communities",
                                              NULL);
  return self;
}

const char *
ferry_community_store_get_dir (FerryCommunityStore *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY_STORE (self), NULL);
  return self->dir;
}

char *
ferry_community_store_path_for (FerryCommunityStore *self,
                                FerryCommunity      *community)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (FERRY_IS_COMMUNITY_STORE (self), NULL);
  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);

  name = g_strconcat (ferry_community_get_id (community), ".json", NULL);
  return g_build_filename (self->dir, name, NULL);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Entry *entry = user_data;
  g_autoptr(GError) error = NULL;

  if (!ferry_community_save_finish (FERRY_COMMUNITY (source), result, &error))
    g_warning ("Could not save the community “%s”: %s",
               ferry_community_get_name (FERRY_COMMUNITY (source)), error->message);
  entry->saving = FALSE;
  if (entry->store == NULL)
    {
      /* The store let go of it while it was being written. */
      g_clear_object (&entry->community);
      g_free (entry);
      return;
    }
  if (entry->dirty && entry->timeout_id == 0)
    save_entry (entry);
}

static void
save_entry (Entry *entry)
{
  g_autofree char *path = ferry_community_store_path_for (entry->store, entry->community);
  g_autoptr(GError) error = NULL;

  if (!ferry_private_dir_make (entry->store->dir, &error))
    {
      g_warning ("Could not make the folder for communities: %s", error->message);
      return;
    }
  entry->dirty = FALSE;
  entry->saving = TRUE;
  ferry_community_save_async (entry->community, path, NULL, save_done, entry);
}

static gboolean
save_later_cb (gpointer user_data)
{
  Entry *entry = user_data;

  entry->timeout_id = 0;
  if (!entry->saving)
    save_entry (entry);
  return G_SOURCE_REMOVE;
}

static void
community_changed (FerryCommunity *community,
                   Entry          *entry)
{
  entry->dirty = TRUE;
  if (entry->timeout_id == 0)
    entry->timeout_id = g_timeout_add (SAVE_DELAY_MS, save_later_cb, entry);
}

static Entry *
add_entry (FerryCommunityStore *self,
           FerryCommunity      *community)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->store = self;
  entry->community = g_object_ref (community);
  entry->changed_id = g_signal_connect (community, "changed", G_CALLBACK (community_changed),
                                        entry);
  g_ptr_array_add (self->entries, entry);
  g_list_model_items_changed (G_LIST_MODEL (self), self->entries->len - 1, 0, 1);
  return entry;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

gboolean
ferry_community_store_load (FerryCommunityStore  *self,
                            GError              **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (FERRY_IS_COMMUNITY_STORE (self), FALSE);

  dir = g_dir_open (self->dir, 0, &local_error);
  if (dir == NULL)
    return g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
           (g_propagate_error (error, g_steal_pointer (&local_error)), FALSE);

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (self->dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) load_error = NULL;
      g_autoptr(FerryCommunity) community = ferry_community_load (path, &load_error);

      if (community == NULL)
        {
          g_autofree char *aside = g_strconcat (path, ".bad", NULL);

          /* Set aside, never deleted: the person may want it back. */
          g_rename (path, aside);
          if (problems->len > 0)
            g_string_append_c (problems, '\n');
          g_string_append (problems, load_error->message);
          continue;
        }
      if (ferry_community_store_find (self, ferry_community_get_id (community)) == NULL)
        add_entry (self, community);
    }

  if (problems->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Some communities could not be read and were set aside:\n%s"),
                   problems->str);
      return FALSE;
    }
  return TRUE;
}

void
ferry_community_store_add (FerryCommunityStore *self,
                           FerryCommunity      *community)
{
  Entry *entry;

  g_return_if_fail (FERRY_IS_COMMUNITY_STORE (self));
  g_return_if_fail (FERRY_IS_COMMUNITY (community));

  if (ferry_community_store_find (self, ferry_community_get_id (community)) != NULL)
    return;
  entry = add_entry (self, community);
  community_changed (community, entry);
}

static gboolean
find_entry (FerryCommunityStore *self,
            FerryCommunity      *community,
            guint               *position)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (((Entry *) g_ptr_array_index (self->entries, i))->community == community)
      {
        *position = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
ferry_community_store_remove (FerryCommunityStore  *self,
                              FerryCommunity       *community,
                              GError              **error)
{
  g_autofree char *path = NULL;
  guint position;

  g_return_val_if_fail (FERRY_IS_COMMUNITY_STORE (self), FALSE);
  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), FALSE);

  if (!find_entry (self, community, &position))
    return TRUE;
  path = ferry_community_store_path_for (self, community);
  g_ptr_array_remove_index (self->entries, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not remove the community’s file: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

FerryCommunity *
ferry_community_store_find (FerryCommunityStore *self,
                            const char          *id_or_name)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY_STORE (self), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (ferry_community_get_id (entry->community), id_or_name) == 0)
        return entry->community;
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_utf8_collate (ferry_community_get_name (entry->community), id_or_name) == 0)
        return entry->community;
    }
  return NULL;
}

gboolean
ferry_community_store_flush (FerryCommunityStore  *self,
                             GError              **error)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY_STORE (self), FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *path = NULL;

      /* A write under way shares the part file: let it end first. */
      while (entry->saving)
        g_main_context_iteration (NULL, TRUE);
      if (!entry->dirty)
        continue;
      if (!ferry_private_dir_make (self->dir, error))
        return FALSE;
      g_clear_handle_id (&entry->timeout_id, g_source_remove);
      path = ferry_community_store_path_for (self, entry->community);
      entry->dirty = FALSE;
      if (!ferry_community_save (entry->community, path, error))
        return FALSE;
    }
  return TRUE;
}
