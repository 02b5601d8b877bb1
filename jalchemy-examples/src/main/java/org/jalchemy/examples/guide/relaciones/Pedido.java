package org.jalchemy.examples.guide.relaciones;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

/**
 * Guide §6.4: {@code class Pedido(Base)} with {@code usuario_id = ForeignKey('usuarios.id')} and
 * {@code usuario = relationship("Usuario", back_populates="pedidos")}. Same table and columns as
 * chapter 5's {@link org.jalchemy.examples.guide.modelos.Pedido}. The key is NOT NULL: a new
 * pedido takes its usuario's generated id at flush, from the relationship.
 */
// tag::pedido[]
@Entity(table = "pedidos")
public class Pedido {
    @Id
    public Integer id;
    @Column(nullable = false)
    @ForeignKey("usuarios.id")                                  // usuario_id = Column(Integer, ForeignKey('usuarios.id'))
    public Integer usuarioId;
    @Column(length = 200)
    public String descripcion;

    @Relationship(backPopulates = "pedidos")                    // usuario = relationship("Usuario", back_populates="pedidos")
    public Usuario usuario;

    protected Pedido() {
    }

    public Pedido(String descripcion) {
        this.descripcion = descripcion;
    }
}
// end::pedido[]
