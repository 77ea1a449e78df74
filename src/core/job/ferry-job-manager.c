/* ferry-job-manager.c: the jobs that run, and what was under way when Ferry stopped
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window and ferry-cli observe one manager: its list of running jobs, each a FerryJob
 * with its state, progress and parts. It also keeps, on disk (jobs.json in Ferry's data
 * folder), the jobs that must go on by themselves at the next start, such as a transfer
 * waiting for the next day's follows: a job is remembered when it starts, forgotten when it
 * finishes or the person stops it; one that failed or was under way when Ferry closed stays.
 *
 * Persistence reader: jobs.json, Ferry's own state.
 */

#define G_LOG_DOMAIN "ferry-job-manager"

#include "config.h"

#include <json-glib/json-glib.h>

#include "ferry-job-manager.h"
#include "ferry-private-file.h"

typedef struct
{
  char *kind;
  char *id;
} Record;

struct _FerryJobManager
{
  GObject     parent_instance;

  GListStore *jobs;          /* owned: FerryJob, while they run */
  GFile      *state_file;    /* owned */
  GPtrArray  *records;       /* owned: Record* */
  gboolean    loaded;
  GPtrArray  *load_waiters;  /* owned: GTask*, for the records */
  gboolean    writing;
  gboolean    dirty;
  GPtrArray  *flush_waiters; /* owned: GTask*, for the write */
};

G_DEFINE_FINAL_TYPE (FerryJobManager, ferry_job_manager, G_TYPE_OBJECT)

static void write_records (FerryJobManager *self);

static void
record_free (Record *record)
{
  g_free (record->kind);
  g_free (record->id);
  g_free (record);
}

static guint
find_record (FerryJobManager *self,
             const char      *kind,
             const char      *id)
{
  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);

      if (g_str_equal (record->kind, kind) && g_str_equal (record->id, id))
        return i;
    }
  return G_MAXUINT;
}

static GStrv
ids_of_kind (FerryJobManager *self,
             const char      *kind)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);

      if (g_str_equal (record->kind, kind))
        g_strv_builder_add (builder, record->id);
    }
  return g_strv_builder_end (builder);
}

static void
return_load_waiters (FerryJobManager *self)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->load_waiters);

  self->load_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      g_task_return_pointer (task, ids_of_kind (self, g_task_get_task_data (task)),
                             (GDestroyNotify) g_strfreev);
    }
}

static void
return_flush_waiters (FerryJobManager *self,
                      const GError    *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->flush_waiters);

  self->flush_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
parse_records (FerryJobManager *self,
               const char      *contents,
               gsize            length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, contents, (gssize) length, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  if (!json_object_has_member (json_node_get_object (root), "unfinished"))
    return;
  array = json_object_get_array_member (json_node_get_object (root), "unfinished");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      const char *kind;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      kind = json_object_get_string_member_with_default (object, "type", NULL);
      id = json_object_get_string_member_with_default (object, "id", NULL);
      if (kind != NULL && id != NULL && find_record (self, kind, id) == G_MAXUINT)
        {
          Record *record = g_new0 (Record, 1);

          record->kind = g_strdup (kind);
          record->id = g_strdup (id);
          g_ptr_array_add (self->records, record);
        }
    }
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FerryJobManager) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    parse_records (self, contents, length);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not read the unfinished jobs: %s", error->message);
  self->loaded = TRUE;
  return_load_waiters (self);
  if (self->dirty)
    write_records (self);
  else
    return_flush_waiters (self, NULL);
}

static char *
serialize_records (FerryJobManager *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "unfinished");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, record->kind);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, record->id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FerryJobManager *self = source_object;
  g_autofree char *path = g_file_get_path (self->state_file);
  g_autofree char *folder = g_path_get_dirname (path);
  GError *error = NULL;

  if (!ferry_private_dir_make (folder, &error) ||
      !ferry_private_file_write (path, task_data, -1, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FerryJobManager *self = FERRY_JOB_MANAGER (object);
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not save the unfinished jobs: %s", error->message);
  if (self->dirty)
    {
      write_records (self);
      return;
    }
  return_flush_waiters (self, error);
}

/* One write at a time, the latest records each time. */
static void
write_records (FerryJobManager *self)
{
  g_autoptr(GTask) task = NULL;

  self->dirty = TRUE;
  if (!self->loaded || self->writing)
    return;
  self->dirty = FALSE;
  self->writing = TRUE;
  task = g_task_new (self, NULL, written_cb, NULL);
  g_task_set_source_tag (task, write_records);
  g_task_set_task_data (task, serialize_records (self), g_free);
  g_task_run_in_thread (task, write_thread);
}

static void
on_job_state (FerryJob        *job,
              GParamSpec      *pspec,
              FerryJobManager *self)
{
  guint position;

  if (!ferry_job_is_ended (job))
    return;
  if (ferry_job_get_state (job) == FERRY_JOB_STATE_FINISHED && ferry_job_get_id (job) != NULL)
    ferry_job_manager_forget (self, G_OBJECT_TYPE_NAME (job), ferry_job_get_id (job));
  g_signal_handlers_disconnect_by_func (job, on_job_state, self);
  if (g_list_store_find (self->jobs, job, &position))
    g_list_store_remove (self->jobs, position);
}

static void
ferry_job_manager_dispose (GObject *object)
{
  FerryJobManager *self = FERRY_JOB_MANAGER (object);

  while (self->jobs != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->jobs)) > 0)
    {
      g_autoptr(FerryJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), 0);

      g_signal_handlers_disconnect_by_func (job, on_job_state, self);
      g_list_store_remove (self->jobs, 0);
    }

  G_OBJECT_CLASS (ferry_job_manager_parent_class)->dispose (object);
}

static void
ferry_job_manager_finalize (GObject *object)
{
  FerryJobManager *self = FERRY_JOB_MANAGER (object);

  g_clear_object (&self->jobs);
  g_clear_object (&self->state_file);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->load_waiters, g_ptr_array_unref);
  g_clear_pointer (&self->flush_waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (ferry_job_manager_parent_class)->finalize (object);
}

static void
ferry_job_manager_class_init (FerryJobManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ferry_job_manager_dispose;
  object_class->finalize = ferry_job_manager_finalize;
}

static void
ferry_job_manager_init (FerryJobManager *self)
{
  self->jobs = g_list_store_new (FERRY_TYPE_JOB);
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  self->load_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->flush_waiters = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * ferry_job_manager_new:
 * @state_file: (nullable): where the unfinished jobs are kept; %NULL: jobs.json in Ferry's
 *   data folder
 *
 * Reads what was unfinished, in the background.
 */
FerryJobManager *
ferry_job_manager_new (GFile *state_file)
{
  FerryJobManager *self = g_object_new (FERRY_TYPE_JOB_MANAGER, NULL);

  g_return_val_if_fail (state_file == NULL || G_IS_FILE (state_file), NULL);

  if (state_file != NULL)
    self->state_file = g_object_ref (state_file);
  else
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "ferry", "jobs.json",
                                                NULL);

      self->state_file = g_file_new_for_path (path);
    }
  g_file_load_contents_async (self->state_file, NULL, loaded_cb, g_object_ref (self));
  return self;
}

/* Holds @job while it runs; it leaves ferry_job_manager_get_jobs() when it ends, and is
 * forgotten (ferry_job_manager_forget()) when it finished. */
void
ferry_job_manager_add (FerryJobManager *self,
                       FerryJob        *job)
{
  g_return_if_fail (FERRY_IS_JOB_MANAGER (self));
  g_return_if_fail (FERRY_IS_JOB (job));
  g_return_if_fail (!ferry_job_is_ended (job));

  if (g_list_store_find (self->jobs, job, NULL))
    return;
  g_signal_connect (job, "notify::state", G_CALLBACK (on_job_state), self);
  g_list_store_append (self->jobs, job);
}

/* Returns: (transfer none): the #FerryJob that run */
GListModel *
ferry_job_manager_get_jobs (FerryJobManager *self)
{
  g_return_val_if_fail (FERRY_IS_JOB_MANAGER (self), NULL);

  return G_LIST_MODEL (self->jobs);
}

/* Returns: (nullable) (transfer none): the running job of @type (or a subtype) with @id */
FerryJob *
ferry_job_manager_find (FerryJobManager *self,
                        GType            type,
                        const char      *id)
{
  guint n;

  g_return_val_if_fail (FERRY_IS_JOB_MANAGER (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, FERRY_TYPE_JOB), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->jobs));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FerryJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (job, type) &&
          (id == NULL || g_strcmp0 (ferry_job_get_id (job), id) == 0))
        return job;
    }
  return NULL;
}

/**
 * ferry_job_manager_remember:
 * @kind: the job's type name ("FerryTransfer")
 * @id: what it works on (its backup folder, …)
 *
 * Notes on disk that the job is under way, so that the next start takes it up again.
 */
void
ferry_job_manager_remember (FerryJobManager *self,
                            const char      *kind,
                            const char      *id)
{
  Record *record;

  g_return_if_fail (FERRY_IS_JOB_MANAGER (self));
  g_return_if_fail (kind != NULL && id != NULL);

  if (find_record (self, kind, id) != G_MAXUINT)
    return;
  record = g_new0 (Record, 1);
  record->kind = g_strdup (kind);
  record->id = g_strdup (id);
  g_ptr_array_add (self->records, record);
  write_records (self);
}

/* Not to be taken up again: it finished, or the person stopped it. */
void
ferry_job_manager_forget (FerryJobManager *self,
                          const char      *kind,
                          const char      *id)
{
  guint index;

  g_return_if_fail (FERRY_IS_JOB_MANAGER (self));
  g_return_if_fail (kind != NULL && id != NULL);

  index = find_record (self, kind, id);
  if (index == G_MAXUINT)
    return;
  g_ptr_array_remove_index (self->records, index);
  write_records (self);
}

/* What is known now (everything once the file was read: ferry_job_manager_unfinished_async()). */
gboolean
ferry_job_manager_is_unfinished (FerryJobManager *self,
                                 const char      *kind,
                                 const char      *id)
{
  g_return_val_if_fail (FERRY_IS_JOB_MANAGER (self), FALSE);
  g_return_val_if_fail (kind != NULL && id != NULL, FALSE);

  return find_record (self, kind, id) != G_MAXUINT;
}

/**
 * ferry_job_manager_unfinished_async:
 * @kind: a job's type name
 *
 * The ids of the jobs of @kind that were under way when Ferry last stopped (or that run
 * now), once the file is read.
 */
void
ferry_job_manager_unfinished_async (FerryJobManager     *self,
                                    const char          *kind,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FERRY_IS_JOB_MANAGER (self));
  g_return_if_fail (kind != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_job_manager_unfinished_async);
  if (self->loaded)
    {
      g_task_return_pointer (task, ids_of_kind (self, kind), (GDestroyNotify) g_strfreev);
      return;
    }
  g_task_set_task_data (task, g_strdup (kind), g_free);
  g_ptr_array_add (self->load_waiters, g_steal_pointer (&task));
}

/* Returns: (transfer full): the ids */
GStrv
ferry_job_manager_unfinished_finish (FerryJobManager  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Once what was remembered or forgotten is on disk. */
void
ferry_job_manager_flush_async (FerryJobManager     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FERRY_IS_JOB_MANAGER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_job_manager_flush_async);
  if (self->loaded && !self->writing && !self->dirty)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_ptr_array_add (self->flush_waiters, g_steal_pointer (&task));
}

gboolean
ferry_job_manager_flush_finish (FerryJobManager  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
