/* fedisim-model.c: accounts, statuses and the ids each server gives them
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include "fedisim-private.h"

void
fs_field_free (FsField *field)
{
  g_free (field->name);
  g_free (field->value);
  g_free (field);
}

static void
row_free (FsRow *row)
{
  g_free (row->text);
  g_free (row);
}

static void
list_free (FsList *list)
{
  g_free (list->title);
  g_free (list->replies_policy);
  g_ptr_array_unref (list->members);
  g_free (list);
}

static void
filter_free (FsFilter *filter)
{
  g_free (filter->title);
  g_free (filter->action);
  g_ptr_array_unref (filter->context);
  g_ptr_array_unref (filter->keywords);
  g_ptr_array_unref (filter->statuses);
  g_free (filter);
}

static void
media_free (FsMedia *media)
{
  g_free (media->type);
  g_free (media->description);
  g_free (media->content_type);
  g_clear_pointer (&media->data, g_bytes_unref);
  g_free (media);
}

static void
status_free (FsStatus *status)
{
  g_free (status->uri);
  g_free (status->text);
  g_free (status->spoiler_text);
  g_free (status->visibility);
  g_free (status->language);
  g_ptr_array_unref (status->edits);
  g_ptr_array_unref (status->media);
  g_free (status);
}

void
fs_actor_free (FsActor *actor)
{
  g_free (actor->username);
  g_free (actor->uri);
  g_free (actor->password);
  g_free (actor->email);
  g_free (actor->display_name);
  g_free (actor->note);
  g_ptr_array_unref (actor->fields);
  g_clear_pointer (&actor->avatar, g_bytes_unref);
  g_clear_pointer (&actor->header, g_bytes_unref);
  g_free (actor->avatar_type);
  g_free (actor->header_type);
  g_free (actor->avatar_description);
  g_free (actor->header_description);
  g_free (actor->privacy);
  g_free (actor->language);
  g_ptr_array_unref (actor->also_known_as);
  g_ptr_array_unref (actor->blocks);
  g_ptr_array_unref (actor->mutes);
  g_ptr_array_unref (actor->domain_blocks);
  g_ptr_array_unref (actor->lists);
  g_ptr_array_unref (actor->bookmarks);
  g_ptr_array_unref (actor->favourites);
  g_ptr_array_unref (actor->followed_tags);
  g_ptr_array_unref (actor->featured_tags);
  g_ptr_array_unref (actor->filters);
  g_hash_table_unref (actor->notes);
  g_ptr_array_unref (actor->endorsements);
  g_ptr_array_unref (actor->statuses);
  g_ptr_array_unref (actor->following);
  g_ptr_array_unref (actor->followers);
  g_free (actor);
}

/* The id this server gives an account; a server learns about an account the first time
 * it sees it (a follow, a search that resolved it). */
guint64
fs_server_id_for (FedisimServer *server,
                  FsActor       *actor)
{
  gpointer id;

  if (g_hash_table_lookup_extended (server->ids, actor, NULL, &id))
    return *(guint64 *) id;

  {
    guint64 *new_id = g_new (guint64, 1);

    *new_id = actor->home == server && actor->id != 0 ? actor->id : server->next_id++;
    g_hash_table_insert (server->ids, actor, new_id);
    g_hash_table_insert (server->by_id, g_strdup_printf ("%" G_GUINT64_FORMAT, *new_id), actor);
    return *new_id;
  }
}

FsActor *
fs_server_actor_by_id (FedisimServer *server,
                       const char    *id)
{
  return id ? g_hash_table_lookup (server->by_id, id) : NULL;
}

guint64
fs_server_status_id_for (FedisimServer *server,
                         FsStatus      *status)
{
  gpointer id;

  if (g_hash_table_lookup_extended (server->status_ids, status, NULL, &id))
    return *(guint64 *) id;

  {
    guint64 *new_id = g_new (guint64, 1);

    *new_id = status->account->home == server ? status->id : server->next_id++;
    g_hash_table_insert (server->status_ids, status, new_id);
    g_hash_table_insert (server->status_by_id,
                         g_strdup_printf ("%" G_GUINT64_FORMAT, *new_id), status);
    return *new_id;
  }
}

FsStatus *
fs_server_status_by_id (FedisimServer *server,
                        const char    *id)
{
  return id ? g_hash_table_lookup (server->status_by_id, id) : NULL;
}

/* The acct as this server writes it: local accounts bare, others with their host. */
char *
fs_actor_acct (FedisimServer *server,
               FsActor       *actor)
{
  if (actor->home == server)
    return g_strdup (actor->username);
  return fs_actor_handle (actor);
}

char *
fs_actor_handle (FsActor *actor)
{
  return g_strdup_printf ("%s@%s", actor->username, actor->home->host);
}

gboolean
fs_actor_functional (FsActor *actor)
{
  return actor->moved_to == NULL && !actor->suspended;
}

FsActor *
fs_server_create_actor (FedisimServer *server,
                        const char    *username,
                        const char    *password)
{
  FsActor *actor = g_new0 (FsActor, 1);

  actor->home = server;
  actor->id = server->next_id++;
  actor->username = g_strdup (username);
  actor->uri = g_strdup_printf ("%s/users/%s", server->base_url, username);
  actor->password = g_strdup (password);
  actor->email = g_strdup_printf ("%s@%s", username, "example.test");
  actor->display_name = g_strdup ("");
  actor->note = g_strdup ("");
  actor->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) fs_field_free);
  actor->privacy = g_strdup ("public");
  actor->language = g_strdup ("en");
  actor->discoverable = TRUE;
  actor->indexable = TRUE;
  actor->allow_following_move = TRUE;
  actor->created_at = fedisim_world_now (server->world) - 400 * 24 * 3600;
  actor->also_known_as = g_ptr_array_new_with_free_func (g_free);
  actor->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  actor->mutes = g_ptr_array_new_with_free_func (g_free);
  actor->domain_blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  actor->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) list_free);
  actor->bookmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  actor->favourites = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  actor->followed_tags = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  actor->featured_tags = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  actor->filters = g_ptr_array_new_with_free_func ((GDestroyNotify) filter_free);
  actor->notes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  actor->endorsements = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  actor->statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) status_free);
  actor->following = g_ptr_array_new ();
  actor->followers = g_ptr_array_new ();

  g_ptr_array_add (server->actors, actor);
  fs_server_id_for (server, actor);
  return actor;
}

FsStatus *
fs_actor_add_status (FsActor    *actor,
                     const char *text,
                     const char *visibility)
{
  FedisimServer *server = actor->home;
  FsStatus *status = g_new0 (FsStatus, 1);

  status->id = server->next_id++;
  status->uri = g_strdup_printf ("%s/users/%s/statuses/%" G_GUINT64_FORMAT,
                                 server->base_url, actor->username, status->id);
  status->account = actor;
  status->text = g_strdup (text);
  status->spoiler_text = g_strdup ("");
  status->visibility = g_strdup (visibility);
  status->language = g_strdup ("en");
  status->created_at = fedisim_world_now (server->world);
  status->edits = g_ptr_array_new_with_free_func (g_free);
  status->media = g_ptr_array_new_with_free_func ((GDestroyNotify) media_free);
  g_ptr_array_add (actor->statuses, status);
  fs_server_status_id_for (server, status);
  return status;
}

