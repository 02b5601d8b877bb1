package org.jalchemy.examples.guide.modelos;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;

/**
 * Guide §6's {@code class Pedido(Base)} (table {@code pedidos}): a foreign-key column to
 * {@code usuarios.id}, set by value; joins name their ON clause. The guide also gives it
 * {@code usuario = relationship("Usuario")}: that version, on the same table, is
 * {@link org.jalchemy.examples.guide.relaciones.Pedido} (chapter 7).
 */
// tag::pedido[]
@Entity(table = "pedidos")
public class Pedido {
    @Id
    public Integer id;
    @Column(nullable = false)
    @ForeignKey("usuarios.id")                               // ForeignKey('usuarios.id')
    public Integer usuarioId;                                // column usuario_id
    @Column(length = 200)
    public String descripcion;

    protected Pedido() {
    }

    public Pedido(Integer usuarioId, String descripcion) {
        this.usuarioId = usuarioId;
        this.descripcion = descripcion;
    }

    @Override
    public String toString() {
        return "Pedido(id=" + id + ", usuarioId=" + usuarioId + ", descripcion=" + descripcion + ")";
    }
}
// end::pedido[]
